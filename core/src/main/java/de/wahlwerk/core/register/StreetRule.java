package de.wahlwerk.core.register;

import java.util.Objects;

/**
 * One line of the street index (Straßenverzeichnis): the house numbers of a street that vote in a
 * polling district.
 *
 * <p>A bound without suffix covers every suffix of its number ({@code from 10} starts at 10,
 * {@code to 14} ends after 14z), a bound with suffix is exact ({@code from 12b} leaves out 12 and
 * 12a). Parity is that of the number, so 12a lies on the even side.
 *
 * @param postalCode null for every postal code of the street
 * @param from       null for "from the first number"
 * @param to         null for "to the last number"
 */
public record StreetRule(long line, String street, String postalCode, HouseNumber from, HouseNumber to,
        Parity parity, String unitKey) {

    public StreetRule {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(unitKey, "unitKey");
    }

    public String streetKey() {
        return StreetNames.key(street);
    }

    /** Whether the rule names a house-number range or side (as opposed to the whole street). */
    public boolean isPartial() {
        return from != null || to != null || parity != Parity.ALL;
    }

    /** Precedence: postal code and a partial range make a rule more specific (see docs/formats/street-index.md). */
    public int specificity() {
        return (postalCode != null ? 2 : 0) + (isPartial() ? 1 : 0);
    }

    public boolean covers(String residentPostalCode, HouseNumber n) {
        if (postalCode != null && !postalCode.equals(residentPostalCode)) {
            return false;
        }
        if (!isPartial()) {
            return true;
        }
        if (n == null || !parity.admits(n)) {
            return false;
        }
        if (from != null) {
            int c = Integer.compare(n.number(), from.number());
            if (c < 0 || (c == 0 && from.hasSuffix() && n.suffix().compareTo(from.suffix()) < 0)) {
                return false;
            }
        }
        if (to != null) {
            int c = Integer.compare(n.number(), to.number());
            if (c > 0 || (c == 0 && to.hasSuffix() && n.suffix().compareTo(to.suffix()) > 0)) {
                return false;
            }
        }
        return true;
    }
}
