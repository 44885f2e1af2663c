// SystemdSupport: journald LogHandler and sd_notify.
