package io.moldtank.domain.job;

/**
 * The pytest file a {@link JobCheck.Script} runs inside. The script's exit code becomes the outcome
 * of one test, so the harness's signed report (not the exit code a result could fake) decides, and
 * the expected test is fixed: a script that never runs, or a run that adds tests, is no PASS.
 */
final class CheckScripts {
    static final String WRAPPER = """
            # MoldTank's wrapper for a script check: runs the listing's command with the delivered result on stdin.
            import os
            import subprocess

            HERE = os.path.dirname(os.path.abspath(__file__))


            def test_script_accepts_the_result():
                result = os.path.join(os.environ["MOLDTANK_SUBMISSION"], "%s")
                with open(os.path.join(HERE, "%s"), encoding="utf-8") as f:
                    command = f.read()
                with open(result, "rb") as stdin:
                    done = subprocess.run(["/bin/sh", "-c", command], stdin=stdin, cwd=HERE,
                                          env=dict(os.environ, MOLDTANK_RESULT=result))
                assert done.returncode == 0, "the check script exited %%d" %% done.returncode
            """.formatted(JobCheck.DEFAULT_RESULT_FILE, JobCheck.Script.COMMAND_FILE);

    private CheckScripts() {
    }
}
