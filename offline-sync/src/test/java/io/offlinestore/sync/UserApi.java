package io.offlinestore.sync;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** The API the client tests wrap. */
public interface UserApi {

    /** A user of the service. */
    record User(String id, String name) {
    }

    @CachedRead(ttl = "10m")
    User getUser(String id) throws IOException, InterruptedException;

    @QueuedWrite(type = "rename-user")
    @Invalidates("getUser")
    CompletableFuture<User> rename(String id, String name);

    @QueuedWrite(type = "log-event")
    void log(String event) throws IOException, InterruptedException;

    String describe();
}
