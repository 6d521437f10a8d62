package de.wahlwerk.core.register;

/** Which side of a street a street-index rule covers: all numbers, the odd or the even side. */
public enum Parity {
    ALL("A"), ODD("U"), EVEN("G");

    private final String code;

    Parity(String code) {
        this.code = code;
    }

    /** The letter used in the street index file: A (alle), U (ungerade), G (gerade). */
    public String code() {
        return code;
    }

    public static Parity ofCode(String code) {
        for (Parity p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }

    public boolean admits(HouseNumber n) {
        return switch (this) {
            case ALL -> true;
            case ODD -> !n.isEven();
            case EVEN -> n.isEven();
        };
    }
}
