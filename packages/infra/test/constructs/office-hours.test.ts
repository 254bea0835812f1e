import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFICE_HOURS,
  officeHoursCron,
  scaleToOfficeHours,
} from '../../lib/constructs/office-hours.ts';

describe('officeHoursCron', () => {
  it('starts and stops on working days at the given hours', () => {
    expect(officeHoursCron(DEFAULT_OFFICE_HOURS)).toEqual({
      start: { minute: '0', hour: '7', weekDay: 'MON-FRI' },
      stop: { minute: '0', hour: '20', weekDay: 'MON-FRI' },
    });
  });

  it('names every bad hour at once', () => {
    expect(() => officeHoursCron({ ...DEFAULT_OFFICE_HOURS, startHour: 25, endHour: 6.5 })).toThrow(
      /startHour 25 must be a whole hour 0\.\.23; endHour 6\.5 must be a whole hour 0\.\.23; endHour 6\.5 must come after startHour 25/,
    );
    expect(() => officeHoursCron({ ...DEFAULT_OFFICE_HOURS, startHour: 9, endHour: 9 })).toThrow(
      /endHour 9 must come after startHour 9/,
    );
  });
});

describe('scaleToOfficeHours', () => {
  function target(stack: Stack): appscaling.ScalableTarget {
    return new appscaling.ScalableTarget(stack, 'Target', {
      serviceNamespace: appscaling.ServiceNamespace.ECS,
      resourceId: 'service/cluster/api',
      scalableDimension: 'ecs:service:DesiredCount',
      minCapacity: 1,
      maxCapacity: 4,
    });
  }

  it('adds a working-hours action and an off-hours action in the given time zone', () => {
    const stack = new Stack();
    scaleToOfficeHours(
      target(stack),
      { ...DEFAULT_OFFICE_HOURS, timeZone: 'Europe/Berlin' },
      { workingMin: 1, workingMax: 4, offHours: 0 },
    );
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [
        {
          ScheduledActionName: 'OfficeHoursStart',
          Schedule: 'cron(0 7 ? * MON-FRI *)',
          ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 4 },
          Timezone: 'Europe/Berlin',
        },
        {
          ScheduledActionName: 'OfficeHoursStop',
          Schedule: 'cron(0 20 ? * MON-FRI *)',
          ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 },
          Timezone: 'Europe/Berlin',
        },
      ],
    });
  });

  it('refuses capacities that are not ordered', () => {
    const stack = new Stack();
    expect(() =>
      scaleToOfficeHours(target(stack), DEFAULT_OFFICE_HOURS, { workingMin: 1, workingMax: 4, offHours: 2 }),
    ).toThrow(/0 <= offHours \(2\) <= workingMin \(1\) <= workingMax \(4\)/);
  });
});
