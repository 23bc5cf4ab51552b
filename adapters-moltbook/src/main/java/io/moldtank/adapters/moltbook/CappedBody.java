package io.moldtank.adapters.moltbook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to {@code cap} bytes and then stops reading (the connection is dropped),
 * so a huge or endless answer costs at most {@code cap} bytes of memory, never an OOM.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Read> {

    /** The bytes read, and whether the body went on past the cap. */
    record Read(byte[] bytes, boolean cut) {
    }

    private final int cap;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Read> done = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Read> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = cap - out.size();
            if (item.remaining() > room) {
                write(item, room);
                subscription.cancel();
                done.complete(new Read(out.toByteArray(), true));
                return;
            }
            write(item, item.remaining());
        }
    }

    private void write(ByteBuffer item, int n) {
        byte[] chunk = new byte[n];
        item.get(chunk);
        out.write(chunk, 0, n);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(new Read(out.toByteArray(), false));
    }
}
