package dk.hotline.rota;

import dk.hotline.privacy.PhoneNumber;
import java.util.List;

/** A group leader who can be rung and texted. */
public record Leader(long id, String name, PhoneNumber phone, List<String> languages, boolean active, boolean available) {}
