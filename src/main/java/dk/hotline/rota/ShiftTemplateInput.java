package dk.hotline.rota;

/**
 * A weekly template as a coordinator sends it: {@code weekday} 1-7 (Monday = 1) or MONDAY…SUNDAY,
 * {@code start} and {@code end} local times such as "17:00"; checked by {@link RotaTemplates}.
 */
public record ShiftTemplateInput(Long leaderId, String weekday, String start, String end) {}
