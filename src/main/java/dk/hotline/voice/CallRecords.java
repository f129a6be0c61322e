package dk.hotline.voice;

import dk.hotline.common.Language;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.DataSubject;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.rota.Leaders;
import dk.hotline.routing.Offers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Each call as coordinators see it: path through the menu, who was rung, who answered, the outcome. */
public final class CallRecords {
    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;
    private final Leaders leaders;
    private final Offers offers;

    CallRecords(Jdbi jdbi, PersonalDataCipher cipher, Leaders leaders, Offers offers) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.leaders = leaders;
        this.offers = offers;
    }

    public record CallRecord(String callSid, Instant arrivedAt, String caller, Language language, String menuPath,
                             List<String> leadersOffered, String answeredBy, Long secondsToAnswer, Integer durationSeconds,
                             CallOutcome outcome, String status) {}

    /** Where a call that is going on now is: in the menu, ringing leaders, waiting in the queue, or talking. */
    public enum Stage { MENU, RINGING, QUEUED, TALKING }

    /** A call going on now; {@code leaderId} who is talking, once one is. */
    public record LiveCall(String callSid, Instant arrivedAt, Stage stage, Optional<Long> leaderId) {}

    /** Calls going on now that came in since {@code since}, by arrival. */
    public List<LiveCall> live(Instant since) {
        return jdbi.withExtension(CallLogDao.class, dao -> dao.notEnded(since)).stream()
                .map(r -> new LiveCall(r.callSid(), r.arrivedAt(), r.answeredAt() != null ? Stage.TALKING
                        : r.queuedAt() != null ? Stage.QUEUED : r.ringStartedAt() != null ? Stage.RINGING : Stage.MENU,
                        Optional.ofNullable(r.answeredBy())))
                .toList();
    }

    public List<CallRecord> between(Instant from, Instant to) {
        return between(from, to, Optional.empty());
    }

    /** As {@link #between(Instant, Instant)}, only the calls offered to {@code offeredTo} when given (a leader's own). */
    public List<CallRecord> between(Instant from, Instant to, Optional<Long> offeredTo) {
        return jdbi.inTransaction(tx -> {
            var names = new HashMap<Long, String>();
            leaders.all(tx).forEach(l -> names.put(l.id(), l.name()));
            var rows = tx.attach(CallLogDao.class).between(from, to);
            // One query for the offers of every call in the window, not one per call.
            var offersByCall = offers.forCalls(tx, rows.stream().map(CallLogDao.CallRow::callSid).toList());
            var out = new ArrayList<CallRecord>();
            for (var row : rows) {
                var offers = offersByCall.getOrDefault(row.callSid(), List.of());
                if (offeredTo.isPresent() && offers.stream().noneMatch(o -> o.leaderId() == offeredTo.get())) {
                    continue;
                }
                var offered = offers.stream().map(o -> names.getOrDefault(o.leaderId(), "(removed)")).distinct().toList();
                var caller = row.callerSealed() == null ? "not stored" : cipher.openPhone(row.callerSealed()).masked();
                Long toAnswer = row.answeredAt() == null ? null : Duration.between(row.arrivedAt(), row.answeredAt()).toSeconds();
                out.add(new CallRecord(row.callSid(), row.arrivedAt(), caller, Language.of(row.language()), row.menuPath(), offered,
                        row.answeredBy() == null ? null : names.getOrDefault(row.answeredBy(), "(removed)"), toAnswer,
                        row.durationSecs(), CallOutcome.of(row.outcome()), row.status()));
            }
            return out;
        });
    }

    /** A call a leader answered: which, and when it came in. */
    public record Answered(String callSid, Instant arrivedAt) {}

    /** The leader who answered the call, empty while nobody has; {@link NotFoundException} when there is no such call. */
    public Optional<Long> answeredBy(String callSid) {
        var row = jdbi.withExtension(CallLogDao.class, dao -> dao.byId(callSid))
                .orElseThrow(() -> new NotFoundException("no such call"));
        return Optional.ofNullable(row.answeredBy());
    }

    /** The calls {@code leaderId} answered that came in since {@code since}, newest first. */
    public List<Answered> answeredBy(long leaderId, Instant since) {
        return jdbi.withExtension(CallLogDao.class, dao -> dao.answeredBy(leaderId, since));
    }

    /** The calls from a person's number, by CallSid (what their notes are about). */
    public List<String> sidsFrom(Handle tx, DataSubject subject) {
        return subject.bindIndexes(tx.createQuery("SELECT call_sid FROM calls WHERE caller_index IN (<indexes>)"))
                .mapTo(String.class).list();
    }
}
