-- The 四优 component scores a branch enters for 党员之星 (political quality, job skill,
-- performance) are on the same 0–100 scale as the other evaluation scores. Added with the
-- columns, in their own migration, so integrity-checks.sql stays as first shipped.
ALTER TABLE "annual_evaluations" ADD CONSTRAINT "annual_evaluations_star_scores_range"
  CHECK (coalesce(political_score, 0) BETWEEN 0 AND 100
     AND coalesce(job_skill_score, 0) BETWEEN 0 AND 100
     AND coalesce(performance_score, 0) BETWEEN 0 AND 100);
