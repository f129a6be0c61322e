package dk.hotline.privacy;

import java.util.List;
import java.util.Optional;

/**
 * One table's sealed values, as its feature declares them for {@link Reseal}: the columns that hold
 * sealed bytes, and the sealed phone number whose blind index sits beside it. Like a
 * {@link RetentionRule}, each feature names its own tables; a test compares the names with the schema.
 */
public record SealedTable(String table, List<String> sealed, Optional<Number> number) {
    /** A sealed phone number in {@code sealed} and its blind index in {@code index}. */
    public record Number(String sealed, String index) {}

    public SealedTable {
        sealed = List.copyOf(sealed);
        if (number.isPresent() && !sealed.contains(number.get().sealed())) {
            throw new IllegalArgumentException(table + ": the number's column must be one of the sealed columns");
        }
    }

    /** A table whose sealed columns hold no indexed number (bodies, secrets). */
    public static SealedTable values(String table, String... sealed) {
        return new SealedTable(table, List.of(sealed), Optional.empty());
    }

    /** A table with a sealed number and its index, and perhaps further sealed columns. */
    public static SealedTable number(String table, String sealedNumber, String index, String... otherSealed) {
        var all = new java.util.ArrayList<String>();
        all.add(sealedNumber);
        all.addAll(List.of(otherSealed));
        return new SealedTable(table, all, Optional.of(new Number(sealedNumber, index)));
    }
}
