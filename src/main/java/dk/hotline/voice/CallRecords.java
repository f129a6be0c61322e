package dk.hotline.voice;

import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.routing.OfferDao;
import dk.hotline.rota.Leaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Each call as coordinators see it: path through the menu, who was rung, who answered, the outcome. */
public final class CallRecords {
    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;
    private final Leaders leaders;

    public CallRecords(Jdbi jdbi, PersonalDataCipher cipher, Leaders leaders) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.leaders = leaders;
    }

    public record CallRecord(String callSid, Instant arrivedAt, String caller, String language, String menuPath,
                             List<String> leadersOffered, String answeredBy, Long secondsToAnswer, Integer durationSeconds,
                             String outcome, String status) {}

    public List<CallRecord> between(Instant from, Instant to) {
        return jdbi.inTransaction(tx -> {
            var names = new HashMap<Long, String>();
            leaders.all(tx).forEach(l -> names.put(l.id(), l.name()));
            var offers = tx.attach(OfferDao.class);
            var out = new ArrayList<CallRecord>();
            for (var row : tx.attach(CallLogDao.class).between(from, to)) {
                var offered = offers.forCall(row.callSid()).stream()
                        .map(o -> names.getOrDefault(o.leaderId(), "(removed)")).distinct().toList();
                var caller = row.callerSealed() == null ? "not stored" : cipher.openPhone(row.callerSealed()).masked();
                Long toAnswer = row.answeredAt() == null ? null : Duration.between(row.arrivedAt(), row.answeredAt()).toSeconds();
                out.add(new CallRecord(row.callSid(), row.arrivedAt(), caller, row.language(), row.menuPath(), offered,
                        row.answeredBy() == null ? null : names.getOrDefault(row.answeredBy(), "(removed)"), toAnswer,
                        row.durationSecs(), row.outcome() == null ? "in-progress" : row.outcome(), row.status()));
            }
            return out;
        });
    }
}
