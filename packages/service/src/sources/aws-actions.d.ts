/** The S3 object source (`s3-source.ts`): each `ObjectSource` operation's SDK calls and IAM actions. */
export declare const S3_SOURCE_CALLS: {
    readonly file: "sources/s3-source.ts";
    readonly operations: {
        readonly list: readonly [{
            readonly command: "paginateListObjectsV2";
            readonly action: "s3:ListBucket";
            readonly resource: "scan-bucket";
        }];
        readonly head: readonly [{
            readonly command: "HeadObjectCommand";
            readonly action: "s3:GetObject";
            readonly resource: "scan-objects";
        }];
        readonly read: readonly [{
            readonly command: "GetObjectCommand";
            readonly action: "s3:GetObject";
            readonly resource: "scan-objects";
        }];
    };
};
