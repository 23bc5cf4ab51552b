{{/* Names and labels. */}}
{{- define "moldtank.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "moldtank.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "moldtank.labels" -}}
{{ include "moldtank.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/*
The Deployments to render, as a list of {name, role, roles, settings}: one per role when roles.split, else one
running every role ("all"), which scales and is protected like the api role.
*/}}
{{- define "moldtank.deployments" -}}
{{- $full := include "moldtank.fullname" . -}}
{{- $list := list -}}
{{- if .Values.roles.split -}}
{{- $list = append $list (dict "name" (printf "%s-api" $full) "role" "api" "roles" "api" "settings" .Values.api) -}}
{{- $list = append $list (dict "name" (printf "%s-workers" $full) "role" "workers" "roles" "workers" "settings" .Values.workers) -}}
{{- $list = append $list (dict "name" (printf "%s-scheduler" $full) "role" "scheduler" "roles" "scheduler" "settings" .Values.scheduler) -}}
{{- else -}}
{{- $all := merge (dict "resources" .Values.allInOne.resources) .Values.api -}}
{{- $list = append $list (dict "name" $full "role" "all" "roles" "api,workers,scheduler" "settings" $all) -}}
{{- end -}}
{{- toJson (dict "items" $list) -}}
{{- end -}}

{{/* The role whose pods the Service sends HTTP and WebSocket traffic to. */}}
{{- define "moldtank.apiRole" -}}
{{- ternary "api" "all" .Values.roles.split -}}
{{- end -}}

{{/*
The chain as the profile implies it, refusing what cannot be right: prod is Base (8453), staging Base Sepolia
(84532), both on web3j; dev defaults to the in-process mock chain.
*/}}
{{- define "moldtank.chain" -}}
{{- $profile := .Values.profile -}}
{{- if not (has $profile (list "dev" "staging" "prod")) -}}
{{- fail (printf "profile must be dev, staging or prod, not %q" $profile) -}}
{{- end -}}
{{- $kind := .Values.chain.kind | default (ternary "mock" "web3j" (eq $profile "dev")) -}}
{{- $network := .Values.chain.network | default (get (dict "prod" "base" "staging" "base-sepolia" "dev" "local") $profile) -}}
{{- if and (eq $profile "prod") (or (ne $kind "web3j") (ne $network "base")) -}}
{{- fail (printf "profile prod runs on Base: chain.kind web3j and chain.network base (got %s, %s)" $kind $network) -}}
{{- end -}}
{{- if and (eq $profile "staging") (or (ne $kind "web3j") (ne $network "base-sepolia")) -}}
{{- fail (printf "profile staging runs on Base Sepolia: chain.kind web3j and chain.network base-sepolia (got %s, %s)" $kind $network) -}}
{{- end -}}
{{- if and (eq $kind "web3j") (not .Values.chain.escrow) -}}
{{- fail "chain.escrow is required on web3j: the address of the deployed MoldTankEscrow" -}}
{{- end -}}
{{- $chainId := get (dict "base" 8453 "base-sepolia" 84532 "local" 31337) $network | default 31337 -}}
{{- toJson (dict "kind" $kind "network" $network "chainId" $chainId) -}}
{{- end -}}

{{/* The configuration file every pod reads (MOLDTANK_CONFIG); secrets come from the environment instead. */}}
{{- define "moldtank.config" -}}
{{- $chain := include "moldtank.chain" . | fromJson -}}
{{- $chainConfig := dict "kind" $chain.kind -}}
{{- if eq $chain.kind "web3j" -}}
{{- $_ := set $chainConfig "network" $chain.network -}}
{{- $_ := set $chainConfig "escrow" .Values.chain.escrow -}}
{{- $_ := set $chainConfig "from-block" (int64 .Values.chain.fromBlock) -}}
{{- with .Values.chain.rpcUrl }}{{ $_ := set $chainConfig "rpc-url" . }}{{ end -}}
{{- end -}}
{{- with .Values.chain.payoutWallet }}{{ $_ := set $chainConfig "payout-wallet" . }}{{ end -}}
{{- $moldtank := dict
    "storage" (dict "kind" "postgres" "postgres" (dict "url" .Values.postgres.url "user" .Values.postgres.user))
    "queue" (dict "kind" .Values.queue.kind)
    "guard" (dict "kind" "redis")
    "redis" (dict "uri" .Values.redis.uri)
    "chain" $chainConfig
    "http" (dict "auth" (dict "chain-id" $chain.chainId))
    "validators" .Values.validators -}}
{{- $moldtank = mustMergeOverwrite $moldtank (deepCopy .Values.extraConfig) -}}
{{- toYaml (dict "moldtank" $moldtank) -}}
{{- end -}}

{{/*
Keys of secrets.existingSecret and the settings they become. The variables use Helidon's _dash_ for a dash in a
key (MOLDTANK_CHAIN_QA_KEY would become moldtank.chain.qa.key, which nothing reads).
*/}}
{{- define "moldtank.secretEnv" -}}
{{- $secret := required "secrets.existingSecret is required: the name of a Secret you created (see values.yaml); the chart never renders keys" .Values.secrets.existingSecret -}}
{{- $chain := include "moldtank.chain" . | fromJson -}}
{{- $keys := list
    (list "receipts-key" "MOLDTANK_RECEIPTS_KEY" true)
    (list "jwt-key" "MOLDTANK_HTTP_AUTH_JWT_dash_KEY" true)
    (list "challenge-secret" "MOLDTANK_HTTP_AUTH_CHALLENGE_dash_SECRET" true)
    (list "postgres-password" "MOLDTANK_STORAGE_POSTGRES_PASSWORD" true)
    (list "qa-key" "MOLDTANK_CHAIN_QA_dash_KEY" (eq $chain.kind "web3j"))
    (list "redis-uri" "MOLDTANK_REDIS_URI" false)
    (list "rpc-url" "MOLDTANK_CHAIN_RPC_dash_URL" false)
    (list "payout-key" "MOLDTANK_CHAIN_PAYOUT_dash_KEY" false)
    (list "treasury-key" "MOLDTANK_CHAIN_TREASURY_dash_KEY" false)
    (list "operator-token" "MOLDTANK_OPERATOR_TOKEN" false)
    (list "scraper-api-key" "MOLDTANK_SCRAPER_API_dash_KEY" false)
    (list "moltbook-app-key" "MOLDTANK_MOLTBOOK_APP_dash_KEY" false) -}}
{{- range $keys }}
- name: {{ index . 1 }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret | quote }}
      key: {{ index . 0 }}
      optional: {{ not (index . 2) }}
{{- end }}
{{- end -}}

{{/* A pod of one Deployment: (dict "root" $ "d" <item of moldtank.deployments>). */}}
{{- define "moldtank.pod" -}}
{{- $root := .root -}}
{{- $d := .d -}}
{{- $socket := and $root.Values.sandbox.hostDockerSocket (has $d.role (list "workers" "all")) -}}
metadata:
  labels:
    {{- include "moldtank.selectorLabels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ $d.role }}
  annotations:
    checksum/config: {{ include "moldtank.config" $root | sha256sum }}
    {{- with $root.Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  # The graceful shutdown (moldtank.shutdown.timeout, 10 s) fits inside this.
  terminationGracePeriodSeconds: 30
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
    seccompProfile:
      type: RuntimeDefault
    {{- if $socket }}
    supplementalGroups: [{{ $root.Values.sandbox.dockerGroupId }}]
    {{- end }}
  containers:
    - name: moldtank
      image: {{ printf "%s:%s" $root.Values.image.repository ($root.Values.image.tag | default $root.Chart.AppVersion) | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy | quote }}
      env:
        - name: MOLDTANK_CONFIG
          value: /etc/moldtank/moldtank.yaml
        - name: MOLDTANK_PROFILE
          value: {{ $root.Values.profile | quote }}
        - name: MOLDTANK_ROLES
          value: {{ $d.roles | quote }}
        {{- with $root.Values.javaOptions }}
        - name: JDK_JAVA_OPTIONS
          value: {{ . | quote }}
        {{- end }}
        {{- include "moldtank.secretEnv" $root | trim | nindent 8 }}
      ports:
        - name: http
          containerPort: 8080
      # Health and metrics answer on every role.
      startupProbe:
        httpGet: {path: /observe/health/live, port: http}
        periodSeconds: 5
        failureThreshold: 36
      livenessProbe:
        httpGet: {path: /observe/health/live, port: http}
        periodSeconds: 10
        failureThreshold: 3
      readinessProbe:
        httpGet: {path: /observe/health/ready, port: http}
        periodSeconds: 5
        failureThreshold: 2
      resources:
        {{- toYaml $d.settings.resources | nindent 8 }}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
      volumeMounts:
        - {name: config, mountPath: /etc/moldtank, readOnly: true}
        # The QA and treasury journals (data/) and the JVM's scratch space; they outlive a container restart,
        # not the pod.
        - {name: data, mountPath: /var/lib/moldtank/data}
        - {name: tmp, mountPath: /tmp}
        {{- if $socket }}
        - {name: docker-socket, mountPath: /var/run/docker.sock}
        {{- end }}
  volumes:
    - name: config
      configMap:
        name: {{ include "moldtank.fullname" $root }}
    - {name: data, emptyDir: {}}
    - {name: tmp, emptyDir: {}}
    {{- if $socket }}
    - name: docker-socket
      hostPath: {path: /var/run/docker.sock, type: Socket}
    {{- end }}
  {{- with $root.Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
