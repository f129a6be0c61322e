package dk.hotline.notes;

/** A category coordinators define for notes, named in Danish and English; {@code position} orders them from 1. */
public record NoteCategory(long id, String nameDa, String nameEn, boolean active, int position) {}
