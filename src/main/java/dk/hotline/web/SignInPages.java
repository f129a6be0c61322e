package dk.hotline.web;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Signing in and out of the console, setting a password with a one-time link, and changing one's
 * own. Forms that come before any session carry a token that must match a cookie set with the form
 * (so another site cannot post them); a new session id is made at every sign-in.
 */
final class SignInPages {
    private final AccountsModule accounts;
    private final Pages pages;

    SignInPages(AccountsModule accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/login", this::showSignIn);
        routes.post("/login", this::signIn);
        routes.post("/logout", this::signOut);
        routes.get("/password/{token}", this::showSetPassword);
        routes.post("/password/{token}", this::setPassword);
        routes.get("/account", ctx -> pages.render(ctx, "account.jte", "account.title", new SignInForm("", Optional.empty(),
                Optional.ofNullable(ctx.queryParam("changed")).map(x -> pages.messages(ctx).get("account.changed")), "")));
        routes.post("/account/password", this::changePassword);
    }

    private void showSignIn(Context ctx) {
        if (Cookies.read(ctx, Cookies.SESSION).flatMap(accounts.sessions()::find).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        var notice = Optional.ofNullable(ctx.queryParam("done")).map(x -> pages.messages(ctx).get("login.passwordSet"));
        pages.render(ctx, "login.jte", "login.title", new SignInForm("", Optional.empty(), notice, formToken(ctx)));
    }

    private void signIn(Context ctx) {
        checkFormToken(ctx);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        var t = pages.messages(ctx);
        var outcome = accounts.passwords().signIn(email, password, ctx.ip());
        if (outcome instanceof PasswordCheck.SignIn.Verified verified) {
            var started = accounts.sessions().start(verified.principal(), ctx.ip());
            pages.cookies().set(ctx, Cookies.SESSION, started.cookie(), Optional.empty());
            pages.cookies().clear(ctx, Cookies.LOGIN_CSRF);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        String error;
        if (outcome instanceof PasswordCheck.SignIn.Blocked || outcome instanceof PasswordCheck.SignIn.Busy) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            error = t.get("login.tooMany");
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            error = t.get("login.refused");
        }
        pages.render(ctx, "login.jte", "login.title", new SignInForm(email, Optional.of(error), Optional.empty(), formToken(ctx)));
    }

    private void signOut(Context ctx) {
        Cookies.read(ctx, Cookies.SESSION).ifPresent(accounts.sessions()::end);
        pages.cookies().clear(ctx, Cookies.SESSION);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void showSetPassword(Context ctx) {
        String token = ctx.pathParam("token");
        if (!accounts.links().linkOpen(token)) {
            ctx.status(HttpStatus.NOT_FOUND);
        }
        pages.render(ctx, "password.jte", "password.title", new SignInForm("", accounts.links().linkOpen(token)
                ? Optional.empty() : Optional.of(pages.messages(ctx).get("password.expired")), Optional.empty(), formToken(ctx)));
    }

    private void setPassword(Context ctx) {
        checkFormToken(ctx);
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        try {
            if (!password.equals(ctx.formParam("repeat"))) {
                throw new InvalidInputException("repeat", "differs");
            }
            accounts.links().setPasswordWithLink(ctx.pathParam("token"), password, ctx.ip());
        } catch (InvalidInputException | NotFoundException e) {
            ctx.status(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
            pages.render(ctx, "password.jte", "password.title",
                    new SignInForm("", Optional.of(passwordError(ctx, e)), Optional.empty(), formToken(ctx)));
            return;
        }
        pages.cookies().clear(ctx, Cookies.LOGIN_CSRF);
        ctx.redirect("/login?done=1", HttpStatus.SEE_OTHER);
    }

    private void changePassword(Context ctx) {
        var principal = Principal.of(ctx);
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        try {
            if (!password.equals(ctx.formParam("repeat"))) {
                throw new InvalidInputException("repeat", "differs");
            }
            accounts.links().changePassword(principal.accountId(), ctx.formParam("current"), password, ctx.ip());
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            pages.render(ctx, "account.jte", "account.title",
                    new SignInForm("", Optional.of(passwordError(ctx, e)), Optional.empty(), ""));
            return;
        }
        // Setting a password ends every session of the account, this one too: sign in again.
        pages.cookies().clear(ctx, Cookies.SESSION);
        ctx.redirect("/login?done=1", HttpStatus.SEE_OTHER);
    }

    private String passwordError(Context ctx, RuntimeException e) {
        var t = pages.messages(ctx);
        if (e instanceof NotFoundException) {
            return t.get("password.expired");
        }
        return switch (((InvalidInputException) e).field()) {
            case "repeat" -> t.get("password.differs");
            case "current" -> t.get("account.wrongCurrent");
            default -> t.get("password.rules", AccountInput.MIN_PASSWORD_LENGTH);
        };
    }

    /** The token of a form shown before any session: kept in a cookie, checked against the form's field. */
    private String formToken(Context ctx) {
        return Cookies.read(ctx, Cookies.LOGIN_CSRF).orElseGet(() -> {
            String token = Secrets.random();
            pages.cookies().set(ctx, Cookies.LOGIN_CSRF, token, Optional.empty());
            ctx.attribute(Cookies.LOGIN_CSRF, token);
            return token;
        });
    }

    private static void checkFormToken(Context ctx) {
        if (!Secrets.same(ctx.formParam("csrf"), Cookies.read(ctx, Cookies.LOGIN_CSRF).orElse(null))) {
            throw new ForbiddenResponse("the form's security token is missing or out of date; reload the page");
        }
    }
}
