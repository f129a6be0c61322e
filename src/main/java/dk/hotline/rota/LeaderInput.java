package dk.hotline.rota;

import java.util.List;

/** A leader as a coordinator sends it; null fields are left as they are on update. */
public record LeaderInput(String name, String phone, List<String> languages, Boolean active, Boolean available) {}
