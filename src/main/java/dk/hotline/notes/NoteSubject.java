package dk.hotline.notes;

/** What a note is about: one call (by Twilio's CallSid) or one conversation (by its id, "K12"). */
public sealed interface NoteSubject permits NoteSubject.Call, NoteSubject.Conversation {
    record Call(String callSid) implements NoteSubject {}

    record Conversation(long id) implements NoteSubject {}

    static NoteSubject call(String callSid) {
        return new Call(callSid);
    }

    static NoteSubject conversation(long id) {
        return new Conversation(id);
    }
}
