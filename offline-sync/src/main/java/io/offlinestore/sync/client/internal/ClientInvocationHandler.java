package io.offlinestore.sync.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.CachedRead;
import io.offlinestore.sync.CachedReadUnavailableException;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.Outcome;
import io.offlinestore.sync.client.QueuedCall;
import io.offlinestore.sync.client.ReadInfo;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The proxy behind {@link io.offlinestore.sync.OfflineClient}: answers cached reads from the store
 * or the real implementation, sends writes through or queues them, and replays queued writes when
 * the queue runs them.
 */
public final class ClientInvocationHandler implements InvocationHandler {
    private static final ThreadLocal<ReadInfo> LAST_READ = new ThreadLocal<>();

    private final Class<?> api;
    private final Object target;
    private final ConnectivityMonitor monitor;
    private final OperationQueue queue;
    private final ResponseCache cache;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<Method, MethodPlan> plans = new HashMap<>();
    private final Map<String, QueuedCall<Object>> waiting = new ConcurrentHashMap<>();

    private ClientInvocationHandler(Class<?> api, Object target, OfflineStore store, String cacheCollection,
            ConnectivityMonitor monitor, OperationQueue queue, ObjectMapper mapper, Clock clock) {
        this.api = api;
        this.target = target;
        this.monitor = monitor;
        this.queue = queue;
        this.mapper = mapper;
        this.clock = clock;
        Set<String> cachedReads = Arrays.stream(api.getMethods())
                .filter(m -> m.isAnnotationPresent(CachedRead.class))
                .map(Method::getName).collect(Collectors.toSet());
        for (Method method : api.getMethods()) {
            plans.put(method, MethodPlan.of(method, cachedReads));
        }
        this.cache = new ResponseCache(store, cacheCollection, mapper);
        plans.values().stream().filter(plan -> plan.kind() == MethodPlan.Kind.WRITE).map(MethodPlan::queueType).distinct()
                .forEach(type -> queue.registerHandler(type, this::replay));
    }

    /**
     * The proxy of {@code api} over {@code target}.
     *
     * @throws ConfigurationException if {@code api} is not an interface, the target does not
     *     implement it, or an annotation is misused
     */
    public static <T> T proxy(Class<T> api, T target, OfflineStore store, String cacheCollection, ConnectivityMonitor monitor,
            OperationQueue queue, ObjectMapper mapper, Clock clock) {
        if (api == null || !api.isInterface()) {
            throw new ConfigurationException("OfflineClient wraps interfaces; " + api + " is not one");
        }
        if (!api.isInstance(target)) {
            throw new ConfigurationException("the implementation " + target + " does not implement " + api.getName());
        }
        ClientInvocationHandler handler = new ClientInvocationHandler(api, target, store, cacheCollection, monitor, queue,
                mapper, clock);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    /** Where the current thread's last cached read was answered from. */
    public static Optional<ReadInfo> lastRead() {
        return Optional.ofNullable(LAST_READ.get());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "OfflineClient[" + api.getSimpleName() + " over " + target + "]";
            };
        }
        MethodPlan plan = plans.get(method);
        return switch (plan.kind()) {
            case READ -> read(method, args, plan);
            case WRITE -> write(method, args, plan);
            case PASS -> call(method, args);
        };
    }

    private Object read(Method method, Object[] args, MethodPlan plan) throws Throwable {
        String key = cache.key(method, args);
        Optional<ResponseCache.Entry> cached = cache.get(key);
        Instant now = clock.instant();
        if (cached.isPresent() && cached.get().storedAt().plus(plan.ttl()).isAfter(now)) {
            return answer(method, cached.get(), ReadInfo.Source.CACHE_FRESH);
        }
        if (!monitor.isOnline()) {
            return stale(method, cached, null);
        }
        Object result;
        try {
            result = call(method, args);
        } catch (Throwable error) {
            if (NetworkErrors.isNetworkError(error)) {
                return stale(method, cached, error);
            }
            throw error;
        }
        cache.put(key, method, result, now);
        LAST_READ.set(new ReadInfo(method.getName(), ReadInfo.Source.NETWORK, Optional.of(now)));
        return result;
    }

    private Object stale(Method method, Optional<ResponseCache.Entry> cached, Throwable cause) {
        if (cached.isEmpty()) {
            throw new CachedReadUnavailableException(api.getSimpleName() + "." + method.getName()
                    + (cause == null ? " is not cached for these arguments and the client is offline"
                            : " is not cached for these arguments and the call failed: " + cause), cause);
        }
        return answer(method, cached.get(), ReadInfo.Source.CACHE_STALE);
    }

    private Object answer(Method method, ResponseCache.Entry entry, ReadInfo.Source source) {
        LAST_READ.set(new ReadInfo(method.getName(), source, Optional.of(entry.storedAt())));
        return mapper.convertValue(entry.value(), mapper.getTypeFactory().constructType(method.getGenericReturnType()));
    }

    private Object write(Method method, Object[] args, MethodPlan plan) throws Throwable {
        if (monitor.isOnline()) {
            try {
                Object result = settle(call(method, args));
                cache.invalidate(api, plan.invalidates());
                if (!plan.returnsFuture()) {
                    return null;
                }
                QueuedCall<Object> done = new QueuedCall<>(null);
                done.complete(result);
                return done;
            } catch (Throwable error) {
                if (!NetworkErrors.isNetworkError(error)) {
                    throw error;
                }
            }
        }
        ObjectNode payload = mapper.createObjectNode();
        payload.put("api", api.getName());
        payload.put("method", method.getName());
        ArrayNode types = payload.putArray("parameterTypes");
        Arrays.stream(method.getParameterTypes()).forEach(type -> types.add(type.getName()));
        payload.set("args", mapper.valueToTree(args == null ? new Object[0] : args));
        String id = queue.enqueue(Operation.builder(plan.queueType()).payload(payload).build());
        QueuedCall<Object> receipt = new QueuedCall<>(id);
        waiting.put(id, receipt);
        return plan.returnsFuture() ? receipt : null;
    }

    /** Runs a queued write on the real implementation: the queue's handler for the write's type. */
    private Outcome replay(Operation operation) {
        Method method = find(operation);
        if (method == null) {
            return Outcome.fail("no method of " + api.getName() + " matches the queued call " + operation.payload().toJson());
        }
        Type[] types = method.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        var values = operation.payload().getNode("args");
        for (int i = 0; i < types.length; i++) {
            JavaType type = mapper.getTypeFactory().constructType(types[i]);
            args[i] = mapper.convertValue(values.get(i), type);
        }
        QueuedCall<Object> receipt = waiting.get(operation.id());
        try {
            Object result = settle(call(method, args));
            cache.invalidate(api, plans.get(method).invalidates());
            if (receipt != null) {
                waiting.remove(operation.id());
                receipt.complete(mapper.convertValue(result, resultType(method)));
            }
            return Outcome.success();
        } catch (Throwable error) {
            boolean lastAttempt = operation.attempts() >= operation.maxAttempts().orElse(queue.options().maxAttempts());
            if (NetworkErrors.isNetworkError(error) && !lastAttempt) {
                return Outcome.retry(error.toString());
            }
            if (receipt != null) {
                waiting.remove(operation.id());
                receipt.completeExceptionally(error);
            }
            return NetworkErrors.isNetworkError(error) ? Outcome.retry(error.toString()) : Outcome.fail(error.toString());
        }
    }

    private Method find(Operation operation) {
        String name = operation.payload().getString("method");
        var parameterTypes = operation.payload().getNode("parameterTypes");
        for (Method method : plans.keySet()) {
            if (method.getName().equals(name) && method.getParameterCount() == parameterTypes.size()) {
                boolean same = true;
                for (int i = 0; i < method.getParameterCount(); i++) {
                    same &= method.getParameterTypes()[i].getName().equals(parameterTypes.get(i).asText());
                }
                if (same) {
                    return method;
                }
            }
        }
        return null;
    }

    private JavaType resultType(Method method) {
        Type generic = method.getGenericReturnType();
        if (generic instanceof ParameterizedType parameterized) {
            return mapper.getTypeFactory().constructType(parameterized.getActualTypeArguments()[0]);
        }
        return mapper.getTypeFactory().constructType(Object.class);
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The value of a call's result, waiting for it when it is a future. */
    private static Object settle(Object result) throws Throwable {
        if (!(result instanceof CompletableFuture<?> future)) {
            return result;
        }
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause();
        }
    }
}
