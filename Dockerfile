# syntax=docker/dockerfile:1
# Data Scanner service image: `data-scanner serve --role api|worker|scheduler|notifier|all`.
# Built by `cdk deploy` as a Docker asset (synthesis only stages this context), or by hand:
#   docker build -t data-scanner . && docker run -p 8000:8000 -e PORT=8000 data-scanner serve --role api

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/detect/package.json packages/detect/
COPY packages/service/package.json packages/service/
COPY packages/infra/package.json packages/infra/
COPY packages/web/package.json packages/web/
RUN npm ci --omit=dev --workspace @data-scanner/service --workspace @data-scanner/detect --include-workspace-root=false \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS web
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/detect/package.json packages/detect/
COPY packages/service/package.json packages/service/
COPY packages/infra/package.json packages/infra/
COPY packages/web/package.json packages/web/
RUN npm ci --workspace @data-scanner/web --include-workspace-root
COPY tsconfig.base.json ./
COPY packages/web packages/web
COPY packages/detect packages/detect
RUN npm run build --workspace @data-scanner/web --if-present && mkdir -p packages/web/dist

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=8000 HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json tsconfig.base.json ./
COPY --chown=root:root packages/detect packages/detect
COPY --chown=root:root packages/service packages/service
COPY --from=web --chown=root:root /app/packages/web/dist packages/web/dist
# Code is owned by root and read-only to the app; the app runs as the unprivileged `node` user.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "packages/service/bin/data-scanner.mjs"]
CMD ["serve", "--role", "all"]
