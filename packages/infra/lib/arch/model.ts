import { type ComputeInfo, readCompute } from './readers/compute.ts';
import { type DataInfo, readData } from './readers/data.ts';
import { type EdgeInfo, readEdge } from './readers/edge.ts';
import { type RoleInfo, readIam } from './readers/iam.ts';
import { type NetworkInfo, readNetwork } from './readers/network.ts';
import { type ObservabilityInfo, readObservability } from './readers/observability.ts';
import { readScaling, type ScalingInfo } from './readers/scaling.ts';
import { readSecurityGroups, type SecurityGroupsInfo } from './readers/security-groups.ts';
import { type StackTemplate, TemplateIndex } from './template.ts';

/** Everything the document, cost and checks need, read from the synthesized templates. */
export interface ArchModel {
  readonly index: TemplateIndex;
  readonly stacks: string[];
  readonly network: NetworkInfo;
  readonly securityGroups: SecurityGroupsInfo;
  readonly compute: ComputeInfo;
  readonly scaling: ScalingInfo;
  readonly data: DataInfo;
  readonly edge: EdgeInfo;
  readonly iam: RoleInfo[];
  readonly observability: ObservabilityInfo;
}

/** Reads every area of the architecture from one or more synthesized templates. */
export function readArchitecture(stacks: readonly StackTemplate[]): ArchModel {
  const index = new TemplateIndex(stacks);
  return {
    index,
    stacks: stacks.map((s) => s.stackName),
    network: readNetwork(index),
    securityGroups: readSecurityGroups(index),
    compute: readCompute(index),
    scaling: readScaling(index),
    data: readData(index),
    edge: readEdge(index),
    iam: readIam(index),
    observability: readObservability(index),
  };
}
