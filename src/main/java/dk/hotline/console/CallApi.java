package dk.hotline.console;

import dk.hotline.voice.CallRecords;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/calls?from=&to=}: what happened to each call, numbers masked. */
public final class CallApi {
    private final CallRecords records;

    CallApi(CallRecords records) {
        this.records = records;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/calls", this::list);
    }

    private void list(Context ctx) {
        var window = ReportWindow.of(ctx);
        ctx.json(records.between(window.from(), window.to()));
    }
}
