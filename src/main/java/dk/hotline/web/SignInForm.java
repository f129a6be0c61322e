package dk.hotline.web;

import java.util.Optional;

/**
 * What the sign-in and password forms show: what was typed (never a password), an error, a notice,
 * and the form's token.
 */
public record SignInForm(String email, Optional<String> error, Optional<String> notice, String token) {}
