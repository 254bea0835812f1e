import { asArray, asRecord, dig, type TemplateIndex } from '../template.ts';
import { describeAlarmMetric } from './observability.ts';

export interface ScalableTargetInfo {
  readonly id: string;
  /** Label of the scaled ECS service (or the raw resource id). */
  readonly resource: string;
  readonly serviceId: string | undefined;
  readonly dimension: string;
  readonly min: number;
  readonly max: number;
  readonly scheduled: { name: string; schedule: string; min: number | undefined; max: number | undefined }[];
}

export interface StepInfo {
  readonly lower: number | undefined;
  readonly upper: number | undefined;
  readonly adjustment: number;
}

export interface ScalingPolicyInfo {
  readonly id: string;
  readonly name: string;
  readonly target: string | undefined;
  readonly kind: 'target-tracking' | 'step';
  /** Target tracking: the metric and its target value. */
  readonly metric: string;
  readonly targetValue: number | undefined;
  readonly scaleInCooldown: number | undefined;
  readonly scaleOutCooldown: number | undefined;
  /** Step scaling: adjustment type, cooldown, steps and the alarm that triggers them. */
  readonly adjustmentType: string;
  readonly cooldown: number | undefined;
  readonly steps: StepInfo[];
  readonly alarm: { threshold: number; operator: string } | undefined;
}

export interface ScalingInfo {
  readonly targets: ScalableTargetInfo[];
  readonly policies: ScalingPolicyInfo[];
}

function findRef(t: TemplateIndex, value: unknown, type: string, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const id = t.refId(value);
  if (id && t.get(id)?.type === type) return id;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findRef(t, v, type, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const v of Object.values(asRecord(value) ?? {})) {
    const found = findRef(t, v, type, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Reads Application Auto Scaling targets (with scheduled actions) and their policies. */
export function readScaling(t: TemplateIndex): ScalingInfo {
  const targets = t.ofType('AWS::ApplicationAutoScaling::ScalableTarget').map((r) => {
    const serviceId = findRef(t, r.props.ResourceId, 'AWS::ECS::Service');
    return {
      id: r.id,
      resource: serviceId ? t.label(serviceId) : t.show(r.props.ResourceId),
      serviceId,
      dimension: t.show(r.props.ScalableDimension),
      min: t.num(r.props.MinCapacity) ?? 0,
      max: t.num(r.props.MaxCapacity) ?? 0,
      scheduled: asArray(r.props.ScheduledActions).map((a) => {
        const rec = asRecord(a) ?? {};
        return {
          name: t.show(rec.ScheduledActionName),
          schedule: t.show(rec.Schedule),
          min: t.num(dig(rec, 'ScalableTargetAction', 'MinCapacity')),
          max: t.num(dig(rec, 'ScalableTargetAction', 'MaxCapacity')),
        };
      }),
    };
  });

  const alarms = t.ofType('AWS::CloudWatch::Alarm');
  const policies = t.ofType('AWS::ApplicationAutoScaling::ScalingPolicy').map((r): ScalingPolicyInfo => {
    const p = r.props;
    const tt = asRecord(p.TargetTrackingScalingPolicyConfiguration);
    const st = asRecord(p.StepScalingPolicyConfiguration);
    const alarm = alarms.find((a) => asArray(a.props.AlarmActions).some((x) => t.refId(x) === r.id));
    let metric = '';
    if (tt) {
      const predefined = t.show(dig(tt, 'PredefinedMetricSpecification', 'PredefinedMetricType'));
      const custom = asRecord(tt.CustomizedMetricSpecification);
      metric =
        predefined || (custom ? `${t.show(custom.Namespace)} ${t.show(custom.MetricName)}`.trim() : '');
    } else if (alarm) {
      metric = describeAlarmMetric(t, alarm.props);
    }
    return {
      id: r.id,
      name: t.label(r.id),
      target: t.refId(p.ScalingTargetId),
      kind: tt ? 'target-tracking' : 'step',
      metric,
      targetValue: tt ? t.num(tt.TargetValue) : undefined,
      scaleInCooldown: tt ? t.num(tt.ScaleInCooldown) : undefined,
      scaleOutCooldown: tt ? t.num(tt.ScaleOutCooldown) : undefined,
      adjustmentType: st ? t.show(st.AdjustmentType) : '',
      cooldown: st ? t.num(st.Cooldown) : undefined,
      steps: asArray(st?.StepAdjustments).map((s) => {
        const rec = asRecord(s) ?? {};
        return {
          lower: t.num(rec.MetricIntervalLowerBound),
          upper: t.num(rec.MetricIntervalUpperBound),
          adjustment: t.num(rec.ScalingAdjustment) ?? 0,
        };
      }),
      alarm: alarm
        ? { threshold: t.num(alarm.props.Threshold) ?? 0, operator: t.show(alarm.props.ComparisonOperator) }
        : undefined,
    };
  });
  return { targets, policies };
}

function breaches(operator: string, value: number, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    default:
      return false;
  }
}

/**
 * What the step policies of one scalable target do at a given metric value: the resulting task
 * count for `ExactCapacity` (clamped to min..max), `+n`/`-n` for relative adjustments, or
 * `undefined` when no policy's alarm is in breach.
 */
export function stepOutcome(
  policies: readonly ScalingPolicyInfo[],
  target: Pick<ScalableTargetInfo, 'min' | 'max'>,
  value: number,
): number | string | undefined {
  for (const p of policies) {
    if (p.kind !== 'step' || !p.alarm || !breaches(p.alarm.operator, value, p.alarm.threshold)) continue;
    const above = p.alarm.operator.startsWith('Greater');
    const x = value - p.alarm.threshold;
    const step = p.steps.find((s) => {
      const lo = s.lower ?? Number.NEGATIVE_INFINITY;
      const hi = s.upper ?? Number.POSITIVE_INFINITY;
      return above ? lo <= x && x < hi : lo < x && x <= hi;
    });
    if (!step) continue;
    if (p.adjustmentType === 'ExactCapacity')
      return Math.min(target.max, Math.max(target.min, step.adjustment));
    const sign = step.adjustment >= 0 ? '+' : '';
    return p.adjustmentType === 'PercentChangeInCapacity'
      ? `${sign}${step.adjustment} %`
      : `${sign}${step.adjustment}`;
  }
  return undefined;
}

/** One row of a "queue depth → tasks" table: an inclusive depth range and its outcome. */
export interface DepthRow {
  readonly from: number;
  /** Undefined for the open-ended last row. */
  readonly to: number | undefined;
  readonly tasks: string;
}

/**
 * Computes the "queue depth → tasks" table from a target's step policies, for integer depths from
 * 0 up past the last step bound, merging equal neighbours.
 */
export function depthTable(
  policies: readonly ScalingPolicyInfo[],
  target: Pick<ScalableTargetInfo, 'min' | 'max'>,
): DepthRow[] {
  const steps = policies.filter((p) => p.kind === 'step' && p.alarm);
  if (steps.length === 0) return [];
  let last = 0;
  for (const p of steps) {
    for (const s of p.steps) {
      for (const b of [s.lower, s.upper]) {
        if (b !== undefined) last = Math.max(last, (p.alarm?.threshold ?? 0) + b);
      }
    }
    last = Math.max(last, p.alarm?.threshold ?? 0);
  }
  const end = Math.ceil(last) + 1;
  const rows: DepthRow[] = [];
  for (let d = 0; d <= end; d++) {
    const out = stepOutcome(policies, target, d);
    const text = out === undefined ? 'no change' : String(out);
    const prev = rows[rows.length - 1];
    if (prev && prev.tasks === text) rows[rows.length - 1] = { ...prev, to: d };
    else rows.push({ from: d, to: d, tasks: text });
  }
  const tail = rows[rows.length - 1];
  if (tail) rows[rows.length - 1] = { ...tail, to: undefined };
  return rows;
}

/** For a target-tracking policy on a per-task backlog metric: tasks = ceil(depth / target), clamped. */
export function backlogTasks(
  depth: number,
  perTask: number,
  target: Pick<ScalableTargetInfo, 'min' | 'max'>,
) {
  return Math.min(target.max, Math.max(target.min, Math.ceil(depth / perTask)));
}
