import { useCallback } from "react";
import { useTranslation } from "react-i18next";

const PARAMETERS = new Set([
  "targetEnrolmentPerSite",
  "ageMin",
  "ageMax",
  "targetDiagnoses",
  "intensiveThreshold",
  "earlyWindowDays",
  "newToServiceDays",
]);

/** The programme form's labels by form path, for the messages of its fields. */
export function useProgrammeLabels() {
  const { t } = useTranslation();
  return useCallback(
    (path: string): string | undefined => {
      if (path === "code") return t("common.code");
      if (path === "name") return t("common.name");
      if (path === "regionId") return t("programmes.region");
      if (path === "practiceId" || path === "practiceVersion") return t("programmes.practice");
      if (path === "sites") return t("programmes.sites");
      const parameter = /^parameters\.(\w+)$/.exec(path)?.[1];
      if (parameter && PARAMETERS.has(parameter)) return t(`parameters.${parameter}` as "parameters.ageMin");
      if (/^parameters\.breakdownAgeBands\.\d+\.label$/.test(path)) return t("parameters.bandLabel");
      if (/^parameters\.breakdownAgeBands\.\d+\.min$/.test(path)) return t("parameters.bandFrom");
      if (/^parameters\.breakdownAgeBands\.\d+\.max$/.test(path)) return t("parameters.bandTo");
      if (/^phases\.\w+\.startDate$/.test(path)) return t("programmes.startDate");
      if (/^phases\.\w+\.endDate$/.test(path)) return t("programmes.endDate");
      const target = /^targets\.t\d+\.(indicatorId|siteId|value|direction)$/.exec(path)?.[1];
      if (target === "indicatorId") return t("programmeTargets.indicator");
      if (target === "siteId") return t("programmeTargets.site");
      if (target === "value") return t("programmeTargets.value");
      if (target === "direction") return t("programmeTargets.direction");
      return undefined;
    },
    [t],
  );
}
