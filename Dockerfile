# syntax=docker/dockerfile:1
# Data Scanner service image: `data-scanner serve --role api|worker|scheduler|notifier|all`.
# Built by `cdk deploy` as a Docker asset (synthesis only stages this context), or by hand:
#   docker build -t data-scanner . && docker run -p 8000:8000 -e PORT=8000 data-scanner serve --role api
# The image runs JavaScript built by esbuild (packages/service/dist) on production dependencies only:
# no TypeScript sources, no tsx, no compilers.

ARG NODE_IMAGE=node:22-bookworm-slim

# Production dependencies of the service and the detection engine.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/detect/package.json packages/detect/
COPY packages/service/package.json packages/service/
COPY packages/infra/package.json packages/infra/
COPY packages/web/package.json packages/web/
RUN npm ci --omit=dev --workspace @data-scanner/service --workspace @data-scanner/detect --include-workspace-root=false \
  && npm cache clean --force

# The build: the service bundled by esbuild (dist/, the engine bundled in) and the dashboard by Vite.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/detect/package.json packages/detect/
COPY packages/service/package.json packages/service/
COPY packages/infra/package.json packages/infra/
COPY packages/web/package.json packages/web/
RUN npm ci --workspace @data-scanner/service --workspace @data-scanner/detect --workspace @data-scanner/web \
  --include-workspace-root
COPY tsconfig.base.json ./
COPY packages/detect packages/detect
COPY packages/service packages/service
COPY packages/web packages/web
RUN npm run build --workspace @data-scanner/service \
  && npm run build --workspace @data-scanner/web --if-present && mkdir -p packages/web/dist

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=8000 HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json ./
COPY --chown=root:root packages/service/package.json packages/service/
COPY --chown=root:root packages/service/bin packages/service/bin
COPY --from=build --chown=root:root /app/packages/service/dist packages/service/dist
COPY --from=build --chown=root:root /app/packages/web/dist packages/web/dist
# The Amazon RDS certificate authorities: DATABASE_URL on AWS uses sslmode=verify-full, and Node trusts
# these in addition to its own (NODE_EXTRA_CA_CERTS), so the server certificate is verified.
ADD --chmod=644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /app/certs/rds-global-bundle.pem
ENV NODE_EXTRA_CA_CERTS=/app/certs/rds-global-bundle.pem
# Code is owned by root and read-only to the app; the app runs as the unprivileged `node` user.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "packages/service/bin/data-scanner.mjs"]
CMD ["serve", "--role", "all"]
