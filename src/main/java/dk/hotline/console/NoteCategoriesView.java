package dk.hotline.console;

import java.util.List;
import java.util.Optional;

/** Notekategorier / Note categories: every category in its order, and the form that adds one. */
public record NoteCategoriesView(List<Row> rows, Optional<String> notice, FormErrors errors, String nameDa, String nameEn) {
    /** One category, with whether it can move up or down. */
    public record Row(long id, String nameDa, String nameEn, boolean active, boolean first, boolean last, int position) {}
}
