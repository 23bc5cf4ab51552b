package io.moldtank.adapters.moltbook;

import io.moldtank.adapters.moltbook.MoltbookAdapters.Settings;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh {@link FakeMoltbook} and recording sleeper per test, and settings that point at them. */
abstract class AgainstFakeMoltbook {
    protected FakeMoltbook moltbook;
    protected final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();

    @BeforeEach
    void startMoltbook() throws IOException {
        moltbook = new FakeMoltbook();
    }

    @AfterEach
    void stopMoltbook() {
        moltbook.close();
    }

    Settings settings() {
        return Fixtures.settings(moltbook.baseUrl(), sleeper);
    }
}
