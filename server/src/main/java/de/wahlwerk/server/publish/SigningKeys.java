package de.wahlwerk.server.publish;

import de.wahlwerk.server.audit.AuditLog;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The election's Ed25519 key pair that signs its published snapshots (JDK's own Ed25519, RFC 8032).
 * Generated on first use and kept in the database, so every node signs with the same key and the
 * private key never lies in the public tree; only the public key is published and shown in setup.
 */
@Component
public class SigningKeys {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Map<Long, KeyPair> cache = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    KeyPair keyPair(long electionId) {
        return cache.computeIfAbsent(electionId, id -> load(id).orElseGet(() -> create(id)));
    }

    /** The public key as PEM (what {@code public-key.pem} in the snapshot holds); shown in setup. */
    public String publicKeyPem(long electionId) {
        return SnapshotManifest.pem(keyPair(electionId).getPublic());
    }

    /** SHA-256 of the public key, in groups of four hex digits: easy to compare by reading aloud. */
    public String fingerprint(long electionId) {
        return SnapshotManifest.fingerprint(keyPair(electionId).getPublic());
    }

    private Optional<KeyPair> load(long electionId) {
        return jdbc.sql("select public_key, private_key from election_signing_key where election_id = :e")
                .param("e", electionId)
                .query((rs, i) -> decode(rs.getBytes(1), rs.getBytes(2))).optional();
    }

    private KeyPair create(long electionId) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return tx.execute(status -> {
            // Another node may have been first: the stored pair wins, so all nodes sign alike.
            int inserted = jdbc.sql("""
                    insert into election_signing_key (election_id, public_key, private_key) values (:e, :pub, :priv)
                    on conflict (election_id) do nothing""")
                    .param("e", electionId).param("pub", pair.getPublic().getEncoded())
                    .param("priv", pair.getPrivate().getEncoded()).update();
            if (inserted == 0) {
                return load(electionId).orElseThrow();
            }
            audit.recordAs("system", "create-signing-key", "election", electionId, null,
                    Map.of("algorithm", "Ed25519", "fingerprint", SnapshotManifest.fingerprint(pair.getPublic())));
            return pair;
        });
    }

    private static KeyPair decode(byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            return new KeyPair(f.generatePublic(new X509EncodedKeySpec(publicKey)),
                    f.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key unreadable", e);
        }
    }
}
