package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import java.sql.SQLException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * The read sessions: at most a fixed number of autocommit connections, opened on demand and
 * handed to one reader at a time. A reader that finds them all busy waits for one. A session
 * whose statement failed is closed rather than handed back, so a broken connection is never
 * reused.
 */
final class SessionPool implements AutoCloseable {
    private final DerbyDatabase database;
    private final Semaphore permits;
    private final Queue<Session> idle = new ConcurrentLinkedQueue<>();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    SessionPool(DerbyDatabase database, int size) {
        this.database = database;
        this.permits = new Semaphore(size);
    }

    /** An idle session, or a new one, once fewer than the maximum are in use. */
    Session borrow() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a derby connection", e);
        }
        Session session = idle.poll();
        if (session != null) {
            return session;
        }
        try {
            session = new Session(database.connect());
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        open.add(session);
        return session;
    }

    /** Hands a session back after a read that succeeded. */
    void release(Session session) {
        idle.add(session);
        permits.release();
    }

    /** Closes a session after a failed read instead of handing it back. */
    void discard(Session session) {
        open.remove(session);
        try {
            session.close();
        } catch (SQLException e) {
            // the read already failed; that error is the one reported
        } finally {
            permits.release();
        }
    }

    /** Closes every session; called only when no reader holds one. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Session session : open) {
            try {
                session.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        open.clear();
        idle.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
