/**
 * The prices a scan's cost depends on, copied from the infra cost model's table
 * (packages/infra/data/prices.json, us-east-1 on-demand, USD); a test holds the two equal. The
 * service never imports infra at run time, so the few figures it needs live here.
 */
export const SCAN_PRICES = {
  /** Fargate vCPU-hour (Linux/x86). */
  'fargate.vcpu': 0.04048,
  /** Fargate GB-hour (Linux/x86). */
  'fargate.gb': 0.004445,
  /** Fargate Spot vCPU-hour (varies). */
  'fargate-spot.vcpu': 0.012144,
  /** Fargate Spot GB-hour (varies). */
  'fargate-spot.gb': 0.0013335,
  /** 1,000 S3 GET requests. */
  's3.get.1k': 0.0004,
  /** 1,000 S3 PUT/COPY/POST/LIST requests. */
  's3.put.1k': 0.005,
  /** One million SQS standard-queue requests. */
  'sqs.1m': 0.4,
} as const;

/** Keys of `SCAN_PRICES`. */
export type ScanPriceKey = keyof typeof SCAN_PRICES;
