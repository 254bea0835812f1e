/** The S3 report store (`s3-report-store.ts`): each `ReportStore` operation's SDK calls and IAM actions. */
export declare const S3_REPORT_CALLS: {
    readonly file: "reports/s3-report-store.ts";
    readonly operations: {
        readonly has: readonly [{
            readonly command: "HeadObjectCommand";
            readonly action: "s3:GetObject";
            readonly resource: "report-objects";
        }, {
            readonly command: "HeadObjectCommand";
            readonly action: "s3:ListBucket";
            readonly resource: "report-bucket";
        }];
        readonly put: readonly [{
            readonly command: "PutObjectCommand";
            readonly action: "s3:PutObject";
            readonly resource: "report-objects";
        }];
        readonly open: readonly [{
            readonly command: "GetObjectCommand";
            readonly action: "s3:GetObject";
            readonly resource: "report-objects";
        }];
        readonly presignedUrl: readonly [{
            readonly command: "getSignedUrl";
            readonly action: "s3:GetObject";
            readonly resource: "report-objects";
        }];
    };
};
