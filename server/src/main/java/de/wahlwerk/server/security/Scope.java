package de.wahlwerk.server.security;

/**
 * An area subtree named by hierarchy and official key ("admin"/"03159016" for the town of
 * Göttingen), or the whole installation when both are null. Keys outlive election days, so a
 * scope granted once holds for every election the office runs.
 */
public record Scope(String hierarchy, String key) {

    public static final Scope INSTALLATION = new Scope(null, null);

    public Scope {
        if ((hierarchy == null) != (key == null)) {
            throw new IllegalArgumentException("hierarchy and key must both be set or both be empty");
        }
    }

    public boolean isInstallationWide() {
        return hierarchy == null;
    }

    @Override
    public String toString() {
        return isInstallationWide() ? "*" : hierarchy + ":" + key;
    }
}
