package io.moldtank.adapters.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

/** Follows a container's log stream frame by frame into two capped buffers: memory stays bounded. */
final class LogCollector extends ResultCallback.Adapter<Frame> {

    final CappedOutput stdout;
    final CappedOutput stderr;

    LogCollector(int capBytes) {
        this.stdout = new CappedOutput(capBytes);
        this.stderr = new CappedOutput(capBytes);
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null) {
            return;
        }
        (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).write(payload, 0, payload.length);
    }
}
