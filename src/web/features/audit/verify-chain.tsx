import { Alert, Button, Group } from "@mantine/core";
import { IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/page.tsx";
import { useVerifyAudit } from "./api.ts";

/** Recompute the hash chain of the log and say whether any entry was altered or removed. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <Group align="flex-start" gap="md">
      <Button
        variant="light"
        leftSection={<IconShieldCheck size={16} aria-hidden="true" />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {t("audit.verify")}
      </Button>
      <div aria-live="polite" style={{ flex: 1, minWidth: 260 }}>
        {verify.error && <ErrorAlert error={verify.error} />}
        {r &&
          (r.ok ? (
            <Alert
              color="teal"
              variant="light"
              icon={<IconShieldCheck aria-hidden="true" />}
              title={t("audit.chainOk")}
            >
              {t("audit.chainOkDetail", { count: r.entries })}
            </Alert>
          ) : (
            <Alert
              color="red"
              variant="light"
              icon={<IconShieldX aria-hidden="true" />}
              title={t("audit.chainBroken")}
            >
              {t("audit.chainBrokenDetail", { seq: r.brokenAt ?? "?", reason: r.reason ?? "" })}
            </Alert>
          ))}
      </div>
    </Group>
  );
}
