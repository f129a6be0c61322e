package dk.hotline.console;

import dk.hotline.web.Messages;
import java.text.NumberFormat;

/** Numbers in the stats tables and charts, as the reader writes them (32,5 in Danish), and "–" for none. */
final class StatsFormat {
    static final String NONE = "–";

    private StatsFormat() {}

    static String count(long value, Messages t) {
        return NumberFormat.getIntegerInstance(t.language().locale()).format(value);
    }

    /** Seconds with at most one decimal; "–" for null. */
    static String seconds(Double value, Messages t) {
        if (value == null) {
            return NONE;
        }
        var format = NumberFormat.getNumberInstance(t.language().locale());
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** A share from 0 to 1 as whole percent without the sign ("75"); "–" for null. */
    static String percent(Double share) {
        return share == null ? NONE : Long.toString(Math.round(share * 100));
    }
}
