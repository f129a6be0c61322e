package dk.hotline.web;

/** A page in the console's menu: where it is, the key of its name, and whether only coordinators see it. */
public record NavEntry(String path, String labelKey, boolean coordinatorsOnly) {}
