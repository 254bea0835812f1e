/** Email through Amazon SES (`email-channel.ts`, SES API v2). */
export declare const SES_EMAIL_CALLS: {
    readonly file: "notify/channels/email-channel.ts";
    readonly operations: {
        readonly send: readonly [{
            readonly command: "SendEmailCommand";
            readonly action: "ses:SendEmail";
            readonly resource: "ses-identity";
        }];
    };
};
/** SMS through Amazon SNS (`sms-channel.ts`); a phone number has no resource ARN. */
export declare const SNS_SMS_CALLS: {
    readonly file: "notify/channels/sms-channel.ts";
    readonly operations: {
        readonly send: readonly [{
            readonly command: "PublishCommand";
            readonly action: "sns:Publish";
            readonly resource: "*";
        }];
    };
};
