import { asArray, asRecord, dig, type TemplateIndex } from '../template.ts';

export interface AlarmInfo {
  readonly id: string;
  readonly name: string;
  readonly metric: string;
  readonly statistic: string;
  readonly comparison: string;
  readonly threshold: number | undefined;
  readonly periods: number | undefined;
  readonly actions: string[];
  /** True when the alarm drives a scaling policy rather than notifying anyone. */
  readonly scaling: boolean;
}

export interface ObservabilityInfo {
  readonly logGroups: { id: string; name: string; retentionDays: number | undefined; encrypted: boolean }[];
  readonly alarms: AlarmInfo[];
  readonly dashboards: { id: string; name: string; widgets: string[] }[];
  readonly topics: { id: string; name: string; encrypted: boolean }[];
}

const OPERATORS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanOrEqualToThreshold: '<=',
  LessThanThreshold: '<',
};

function dimensionText(t: TemplateIndex, dims: unknown): string {
  const list = asArray(dims).map((d) => {
    const rec = asRecord(d) ?? {};
    return `${t.show(rec.Name)}=${t.show(rec.Value)}`;
  });
  return list.length > 0 ? ` (${list.join(', ')})` : '';
}

/** Describes the metric of an alarm: `AWS/SQS ApproximateNumberOfMessagesVisible (QueueName=...)` or a math expression. */
export function describeAlarmMetric(t: TemplateIndex, p: Record<string, unknown>): string {
  if (p.MetricName !== undefined) {
    return `${t.show(p.Namespace)} ${t.show(p.MetricName)}${dimensionText(t, p.Dimensions)}`.trim();
  }
  const metrics = asArray(p.Metrics).map((m) => asRecord(m) ?? {});
  const names = new Map<string, string>();
  for (const m of metrics) {
    const metric = asRecord(dig(m, 'MetricStat', 'Metric'));
    if (metric) {
      names.set(
        t.show(m.Id),
        `${t.show(metric.MetricName)}${dimensionText(t, metric.Dimensions)}`.replace(/\s+/g, ' '),
      );
    }
  }
  const out = metrics.find((m) => m.ReturnData !== false && m.Expression !== undefined);
  if (!out) return [...names.values()].join(', ');
  return t.show(out.Expression).replace(/\b[a-z]\w*\b/g, (id) => names.get(id) ?? id);
}

/** Reads log groups, alarms, dashboards (with widget titles) and SNS topics. */
export function readObservability(t: TemplateIndex): ObservabilityInfo {
  const policyIds = new Set(t.ofType('AWS::ApplicationAutoScaling::ScalingPolicy').map((r) => r.id));
  const alarms = t.ofType('AWS::CloudWatch::Alarm').map((r) => {
    const actions = asArray(r.props.AlarmActions);
    return {
      id: r.id,
      name: t.label(r.id),
      metric: describeAlarmMetric(t, r.props),
      statistic: t.show(r.props.Statistic ?? r.props.ExtendedStatistic),
      comparison: OPERATORS[t.show(r.props.ComparisonOperator)] ?? t.show(r.props.ComparisonOperator),
      threshold: t.num(r.props.Threshold),
      periods: t.num(r.props.EvaluationPeriods),
      actions: actions.map((a) => t.show(a)),
      scaling: actions.some((a) => policyIds.has(t.refId(a) ?? '')),
    };
  });
  const dashboards = t.ofType('AWS::CloudWatch::Dashboard').map((r) => {
    const body = t.show(r.props.DashboardBody);
    const widgets = [...body.matchAll(/"title":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
    return { id: r.id, name: t.label(r.id), widgets };
  });
  return {
    logGroups: t.ofType('AWS::Logs::LogGroup').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      retentionDays: t.num(r.props.RetentionInDays),
      encrypted: r.props.KmsKeyId !== undefined,
    })),
    alarms,
    dashboards,
    topics: t.ofType('AWS::SNS::Topic').map((r) => ({
      id: r.id,
      name: t.label(r.id),
      encrypted: r.props.KmsMasterKeyId !== undefined,
    })),
  };
}
