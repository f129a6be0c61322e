package dk.hotline.rota;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's daily call into {@link RotaTemplates}: keeps the rota made some weeks ahead. */
@DisallowConcurrentExecution
public final class RotaExtendJob implements Job {
    private final RotaTemplates templates;

    RotaExtendJob(RotaTemplates templates) {
        this.templates = templates;
    }

    @Override
    public void execute(JobExecutionContext context) {
        templates.extendAhead();
    }
}
