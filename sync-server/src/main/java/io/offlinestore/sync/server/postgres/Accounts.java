package io.offlinestore.sync.server.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Users and their bearer tokens, in the sync server's database. A token is 32 random bytes; only
 * its SHA-256 hash is stored, so a copy of the database does not hand out working tokens. A user's
 * documents live in the scope {@link #scopeOf(String)}.
 */
public final class Accounts {
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String TOKEN_PREFIX = "ost_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public Accounts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** A user and how many live tokens it has. */
    public record User(String name, Instant createdAt, int liveTokens) {
    }

    /** The scope a user's documents belong to. */
    public static String scopeOf(String user) {
        return "user:" + user;
    }

    /**
     * Creates the user if it does not exist and returns a new token for it.
     *
     * @throws InvalidAccountException if the name is not 1 to 64 letters, digits or {@code . _ @ -}
     */
    public String createToken(String user) {
        requireValidName(user);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Timestamp now = Timestamp.from(Instant.now());
        run(connection -> {
            try (PreparedStatement users = connection.prepareStatement(
                    "insert into sync_user (name, created_at) values (?, ?) on conflict (name) do nothing");
                 PreparedStatement tokens = connection.prepareStatement(
                         "insert into sync_token (hash, user_name, created_at) values (?, ?, ?)")) {
                users.setString(1, user);
                users.setTimestamp(2, now);
                users.executeUpdate();
                tokens.setString(1, hash(token));
                tokens.setString(2, user);
                tokens.setTimestamp(3, now);
                tokens.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** The user a live token belongs to, if any. */
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select user_name from sync_token where hash = ? and revoked_at is null")) {
                statement.setString(1, hash(token));
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Revokes a token; returns whether it was live. */
    public boolean revoke(String token) {
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "update sync_token set revoked_at = ? where hash = ? and revoked_at is null")) {
                statement.setTimestamp(1, Timestamp.from(Instant.now()));
                statement.setString(2, hash(token));
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Revokes every live token of a user; returns how many. */
    public int revokeAll(String user) {
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "update sync_token set revoked_at = ? where user_name = ? and revoked_at is null")) {
                statement.setTimestamp(1, Timestamp.from(Instant.now()));
                statement.setString(2, user);
                return statement.executeUpdate();
            }
        });
    }

    /** Every user, by name. */
    public List<User> users() {
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select u.name, u.created_at, count(t.hash) filter (where t.revoked_at is null)"
                            + " from sync_user u left join sync_token t on t.user_name = u.name"
                            + " group by u.name, u.created_at order by u.name");
                 ResultSet rows = statement.executeQuery()) {
                List<User> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(new User(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getInt(3)));
                }
                return users;
            }
        });
    }

    private static void requireValidName(String user) {
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw new InvalidAccountException("user name must be 1 to 64 letters, digits or . _ @ - (starting with a"
                    + " letter or digit), got '" + user + "'");
        }
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private <T> T run(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageUnavailableException("account query failed (SQLState " + e.getSQLState() + "): "
                    + e.getMessage(), e);
        }
    }

}
