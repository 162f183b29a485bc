package uk.frontdoor.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small OpenID Connect provider for tests, in this JVM: the JDK's HTTP server and Nimbus JOSE.
 * It serves what the service uses of a council's identity provider: the discovery document, the
 * signing keys (JWKS), the authorization endpoint (no sign-in form: it answers at once for the
 * member of staff the test chose with {@link #signInAs}, and redirects back with a code and the
 * state), the token endpoint (a signed ID token carrying the request's nonce, and an access token,
 * for a confidential client with a secret), user info and the end-session endpoint. It checks what a
 * real provider checks of the client: its id and secret, the redirect URI, single-use codes and PKCE
 * when the client sends a challenge.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "frontdoor-pages";
    public static final String CLIENT_SECRET = "test-client-secret";

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    private final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();
    private final List<String> endedSessions = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> nextUser;

    /** A code handed out by the authorization endpoint and what it was handed out for. */
    private record Grant(Map<String, Object> user, String redirectUri, String nonce, String codeChallenge,
                         String scope) {
    }

    private TestIdentityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", exchange -> handle(exchange, this::discovery));
        server.createContext("/jwks", exchange -> handle(exchange, this::keys));
        server.createContext("/authorize", exchange -> handle(exchange, this::authorize));
        server.createContext("/token", exchange -> handle(exchange, this::token));
        server.createContext("/userinfo", exchange -> handle(exchange, this::userInfo));
        server.createContext("/logout", exchange -> handle(exchange, this::endSession));
        server.start();
    }

    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /**
     * Who the provider signs in from now on: the claims of their ID token and user info besides the
     * standard ones ({@code sub} among them).
     */
    public void signInAs(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String)) {
            throw new IllegalArgumentException("a user needs a sub");
        }
        nextUser = Map.copyOf(claims);
    }

    /** The query parameters of each authorization request received, oldest first. */
    public List<Map<String, String>> authorizationRequests() {
        return List.copyOf(authorizationRequests);
    }

    /** The subject of each ID token sent back to the end-session endpoint (as {@code id_token_hint}), oldest first. */
    public List<String> endedSessions() {
        return List.copyOf(endedSessions);
    }

    /** Signs any claims with the provider's key, as its tokens are signed. */
    public String sign(JWTClaimsSet claims) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Answer discovery(HttpExchange exchange) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/token");
        metadata.put("userinfo_endpoint", issuer + "/userinfo");
        metadata.put("jwks_uri", issuer + "/jwks");
        metadata.put("end_session_endpoint", issuer + "/logout");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        return Answer.json(200, metadata);
    }

    private Answer keys(HttpExchange exchange) {
        return Answer.json(200, new JWKSet(key.toPublicJWK()).toJSONObject());
    }

    private Answer authorize(HttpExchange exchange) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        authorizationRequests.add(query);
        Map<String, Object> user = nextUser;
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id"))
                || redirectUri == null || user == null) {
            return Answer.json(400, Map.of("error", "invalid_request"));
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(user, redirectUri, query.get("nonce"), query.get("code_challenge"),
                query.getOrDefault("scope", "openid")));
        String state = query.get("state");
        return Answer.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code)
                + (state == null ? "" : "&state=" + encode(state)));
    }

    private Answer token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !clientAuthenticated(exchange)) {
            return Answer.json(401, Map.of("error", "invalid_client"));
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (!"authorization_code".equals(body.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(body.get("redirect_uri")) || !proofKeyMatches(grant, body)) {
            return Answer.json(400, Map.of("error", "invalid_grant"));
        }
        Instant now = Instant.now();
        var idToken = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)))
                .claim("auth_time", now.getEpochSecond());
        grant.user().forEach(idToken::claim);
        if (grant.nonce() != null) {
            idToken.claim("nonce", grant.nonce());
        }
        String accessToken = sign(new JWTClaimsSet.Builder()
                .issuer(issuer).subject((String) grant.user().get("sub")).claim("scope", grant.scope())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES))).build());
        accessTokens.put(accessToken, grant.user());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("scope", grant.scope());
        answer.put("id_token", sign(idToken.build()));
        return Answer.json(200, answer);
    }

    private Answer userInfo(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> user = authorization == null || !authorization.startsWith("Bearer ") ? null
                : accessTokens.get(authorization.substring("Bearer ".length()));
        return user == null ? Answer.json(401, Map.of("error", "invalid_token")) : Answer.json(200, user);
    }

    private Answer endSession(HttpExchange exchange) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (query.get("id_token_hint") == null) {
            return Answer.json(400, Map.of("error", "invalid_request"));
        }
        try {
            SignedJWT hint = SignedJWT.parse(query.get("id_token_hint"));
            if (!hint.verify(new RSASSAVerifier(key))) {
                return Answer.json(400, Map.of("error", "invalid_request"));
            }
            endedSessions.add(hint.getJWTClaimsSet().getSubject());
        } catch (ParseException | JOSEException e) {
            return Answer.json(400, Map.of("error", "invalid_request"));
        }
        String back = query.get("post_logout_redirect_uri");
        return back == null ? Answer.json(200, Map.of("signedOut", true)) : Answer.redirect(back);
    }

    private static boolean clientAuthenticated(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String[] pair = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":", 2);
        // client_secret_basic: each half is form-encoded before it is joined (RFC 6749, section 2.3.1).
        return pair.length == 2 && CLIENT_ID.equals(decode(pair[0])) && CLIENT_SECRET.equals(decode(pair[1]));
    }

    private static boolean proofKeyMatches(Grant grant, Map<String, String> body) {
        if (grant.codeChallenge() == null) {
            return true;
        }
        String verifier = body.get("code_verifier");
        if (verifier == null) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(grant.codeChallenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Endpoint {
        Answer answer(HttpExchange exchange) throws IOException;
    }

    private record Answer(int status, String location, String json) {

        static Answer json(int status, Map<String, Object> body) {
            return new Answer(status, null, JSONObjectUtils.toJSONString(body));
        }

        static Answer redirect(String location) {
            return new Answer(302, location, null);
        }
    }

    private static void handle(HttpExchange exchange, Endpoint endpoint) throws IOException {
        try {
            Answer answer;
            try {
                answer = endpoint.answer(exchange);
            } catch (RuntimeException e) {
                answer = Answer.json(500, Map.of("error", "server_error"));
            }
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } finally {
            exchange.close();
        }
    }
}
