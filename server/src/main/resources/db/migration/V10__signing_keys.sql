-- Ed25519 key pair per election that signs the manifests of the published snapshots (ADR 0621).
-- The private key stays here, never in the public tree; the public key is published with every snapshot.
create table election_signing_key (
    election_id bigint primary key references election (id) on delete cascade,
    public_key  bytea not null,  -- X.509 SubjectPublicKeyInfo (DER)
    private_key bytea not null,  -- PKCS#8 (DER)
    created_at  timestamptz not null default now()
);
