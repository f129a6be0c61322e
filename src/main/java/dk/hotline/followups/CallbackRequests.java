package dk.hotline.followups;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import dk.hotline.routing.Offers;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to be called back: stored with the caller's consent, and announced by SMS to the
 * leaders on call — with a number for the request, never the caller's number.
 */
public final class CallbackRequests {
    private static final Logger log = LoggerFactory.getLogger(CallbackRequests.class);
    public static final Set<String> TIMES = Set.of("asap", "morning", "afternoon", "evening");

    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Outbox outbox;
    private final Rota rota;
    private final Leaders leaders;
    private final Offers offers;
    private final Texts texts;
    private final Clock clock;

    CallbackRequests(PersonalDataCipher cipher, BlindIndex index, Outbox outbox, Rota rota, Leaders leaders, Offers offers,
                     Texts texts, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.outbox = outbox;
        this.rota = rota;
        this.leaders = leaders;
        this.offers = offers;
        this.texts = texts;
        this.clock = clock;
    }

    /** Stores the request (once per {@code sourceKey}) and tells the leaders on call. */
    public Optional<Long> request(Handle tx, String sourceKey, PhoneNumber phone, Language language, String preferredTime,
                                  String source) {
        Instant now = clock.instant();
        var id = tx.attach(CallbackDao.class).insert(sourceKey, cipher.sealPhone(phone), index.of(phone), language.code(),
                preferredTime, source, now);
        id.ifPresent(requestId -> {
            int told = announce(tx, requestId, preferredTime, now);
            log.info("event=callback.requested id={} source={} when={} leaders_told={}", requestId, source, preferredTime, told);
        });
        return id;
    }

    /** Tells the leaders who came on call about requests made while nobody was; returns how many. */
    public int announceWaiting(Handle tx) {
        Instant now = clock.instant();
        int announced = 0;
        for (var row : tx.attach(CallbackDao.class).unannounced()) {
            if (announce(tx, row.id(), row.preferredTime(), now) == 0) {
                break;
            }
            announced++;
        }
        return announced;
    }

    /**
     * Texts the leaders on call (never the caller's number) and notes whom, with the texts; marks
     * the request told if anyone was.
     */
    private int announce(Handle tx, long requestId, String preferredTime, Instant now) {
        List<Leader> onCall = leaders.availableAmong(tx, rota.leadersOnShift(tx, now));
        for (Leader leader : onCall) {
            Language lang = leader.textLanguage();
            String body = texts.fill(lang, Text.LEADER_CALLBACK_REQUESTED,
                    Map.of("id", requestId, "when", texts.get(lang, whenText(preferredTime))));
            outbox.sms(tx, MessageKind.CALLBACK_REQUEST, requestId + ":" + leader.id(), leader.phone(), body, now);
            tx.attach(CallbackDao.class).told(requestId, leader.id(), now);
        }
        if (!onCall.isEmpty()) {
            tx.attach(CallbackDao.class).announced(requestId, now);
        }
        return onCall.size();
    }

    public List<CallbackRequest> list(Handle tx, String status) {
        return open(tx, tx.attach(CallbackDao.class).list(status));
    }

    /** The requests handled since {@code since}, the latest first. */
    public List<CallbackRequest> handledSince(Handle tx, Instant since) {
        return open(tx, tx.attach(CallbackDao.class).handledSince(since));
    }

    public Optional<CallbackRequest> byId(Handle tx, long id) {
        return tx.attach(CallbackDao.class).byId(id).map(r -> open(tx, List.of(r)).get(0));
    }

    /** The requests that concern a leader: those they were texted about, and those they were rung to call back. */
    public Set<Long> concerning(Handle tx, long leaderId) {
        var ids = new HashSet<>(tx.attach(CallbackDao.class).toldTo(leaderId));
        ids.addAll(offers.callbacksOfferedTo(tx, leaderId));
        return ids;
    }

    public boolean done(Handle tx, long id, Long doneBy) {
        return tx.attach(CallbackDao.class).done(id, doneBy, clock.instant()) > 0;
    }

    public void calling(Handle tx, long id) {
        tx.attach(CallbackDao.class).status(id, "calling");
    }

    public void reopen(Handle tx, long id) {
        tx.attach(CallbackDao.class).status(id, "open");
    }

    static Text whenText(String preferredTime) {
        return switch (preferredTime) {
            case "morning" -> Text.WHEN_MORNING;
            case "afternoon" -> Text.WHEN_AFTERNOON;
            case "evening" -> Text.WHEN_EVENING;
            default -> Text.WHEN_ASAP;
        };
    }

    /** The rows as requests, with who was told and the latest ringing of a leader: two queries for the lot, not two a row. */
    private List<CallbackRequest> open(Handle tx, List<CallbackDao.Row> rows) {
        var ids = rows.stream().map(CallbackDao.Row::id).toList();
        var attemptsById = offers.forCallbacks(tx, ids);
        var toldById = tx.attach(CallbackDao.class).toldLeaders(ids.stream().mapToLong(Long::longValue).toArray()).stream()
                .collect(Collectors.groupingBy(CallbackDao.Notice::requestId,
                        Collectors.mapping(CallbackDao.Notice::leaderId, Collectors.toList())));
        return rows.stream().map(r -> {
            var attempts = attemptsById.getOrDefault(r.id(), List.of());
            var last = attempts.isEmpty() ? Optional.<CallbackRequest.CallAttempt>empty()
                    : Optional.of(attempts.get(attempts.size() - 1)).map(o -> new CallbackRequest.CallAttempt(o.leaderId(), o.state()));
            return new CallbackRequest(r.id(), cipher.openPhone(r.phoneSealed()), Language.of(r.language()), r.preferredTime(),
                    r.source(), r.status(), r.createdAt(), r.doneAt(), toldById.getOrDefault(r.id(), List.of()), last);
        }).toList();
    }

}
