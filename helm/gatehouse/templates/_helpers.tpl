{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "gatehouse.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name for every object; the release name alone when it already contains the chart name. */}}
{{- define "gatehouse.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "gatehouse.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gatehouse.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gatehouse.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "gatehouse.labels" -}}
helm.sh/chart: {{ include "gatehouse.chart" . }}
{{ include "gatehouse.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "gatehouse.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "gatehouse.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "gatehouse.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
A numeric id as digits. Values files hand numbers to templates as floats, which print as
1.234567e+06; GitHub App and installation ids are long enough to hit that.
*/}}
{{- define "gatehouse.id" -}}
{{- if kindIs "string" . }}{{ . }}{{ else }}{{ int64 . }}{{ end }}
{{- end }}

{{/* Where the GitHub App private key is mounted. */}}
{{- define "gatehouse.appKeyDir" -}}/etc/gatehouse/github{{- end }}

{{/*
Settings that cannot work are rendering errors, not pods that start and then fail or, worse,
start their own embedded database.
*/}}
{{- define "gatehouse.validate" -}}
{{- $url := required "database.url is required: the JDBC URL of your PostgreSQL, jdbc:postgresql://HOST:5432/DATABASE. The chart never runs the embedded database." .Values.database.url }}
{{- if and $url (not (hasPrefix "jdbc:postgresql:" $url)) }}
{{- fail (printf "database.url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:5432/DATABASE), not %q" $url) }}
{{- end }}
{{- if not .Values.database.existingSecret }}
{{- fail (printf "database.existingSecret is required: a Secret with the keys %q and %q" .Values.database.usernameKey .Values.database.passwordKey) }}
{{- end }}
{{- if and .Values.github.appId (not .Values.github.existingSecret) }}
{{- fail (printf "github.appId is set: github.existingSecret must name a Secret holding the App's private key under %q" .Values.github.appPrivateKeyKey) }}
{{- end }}
{{- if and .Values.github.organizations (not .Values.github.existingSecret) }}
{{- fail "github.organizations is set: github.existingSecret must name a Secret with a token or the GitHub App's private key (and set github.appId for an App)" }}
{{- end }}
{{- if .Values.oidc.enabled }}
{{- if not (and .Values.oidc.authServerUrl .Values.oidc.clientId .Values.oidc.existingSecret) }}
{{- fail "oidc.enabled needs oidc.authServerUrl, oidc.clientId and oidc.existingSecret (the Secret holding the client secret)" }}
{{- end }}
{{- end }}
{{- if lt (int .Values.replicaCount) 1 }}
{{- fail "replicaCount must be at least 1" }}
{{- end }}
{{- end }}
