package io.offlinestore.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolCodecTest {

    @Test
    void messagesSurviveTheWire() {
        Mutation put = new Mutation(new MutationKey("c1", 7, DocumentRef.of("users", 42)), Mutation.Operation.PUT,
                JsonNodeFactory.instance.objectNode().put("id", 42).put("name", "Ann"), 3);
        PushRequest push = PushRequest.of("c1", List.of(new PushBatch(List.of(put))));
        assertEquals(push, ProtocolCodec.read(ProtocolCodec.write(push), PushRequest.class));
        PullResponse page = PullResponse.page(List.of(new PulledDocument(DocumentRef.of("users", "u"), 2, true, true,
                null)), "v1.9", false, 0);
        assertEquals(page, ProtocolCodec.read(ProtocolCodec.write(page), PullResponse.class));
    }

    @Test
    void malformedMessagesAreRefusedWithTheReason() {
        byte[] json = "{\"protocolVersion\":1,\"clientId\":\"c\",\"batches\":[{\"mutations\":[{\"key\":{\"clientId\":\"c\",\"sequence\":1,\"document\":{\"collection\":\"u\",\"id\":1.5}},\"operation\":\"PUT\",\"body\":{},\"baseVersion\":0}]}]}"
                .getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(SyncProtocolException.class, () -> ProtocolCodec.read(json, PushRequest.class));
        assertTrue(e.getMessage().contains("must be a string or an integer"), e.getMessage());
    }
}
