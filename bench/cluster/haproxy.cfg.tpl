# HAProxy in front of N `gongkai serve` instances (docs/deploy.md). scripts/cluster.sh fills in the ports.
global
  maxconn 2000

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # a request that could not be sent to one instance is tried on another (a killed instance refuses connections)
  retries 3
  option redispatch
  option http-server-close
  option forwardfor

frontend gongkai
  bind 127.0.0.1:@PROXY_PORT@
  default_backend instances

backend instances
  balance roundrobin
  # each instance answers /healthz; a dead one is out of the rotation within two failed checks
  option httpchk GET /healthz
  default-server inter 1s fall 2 rise 2
@SERVERS@
