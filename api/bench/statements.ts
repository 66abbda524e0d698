// The API's statements, as its services send them (each a named prepared statement there too).
// Written by `pnpm bench:statements` (bench/record-statements.ts): do not edit by hand.
import type { BareStatement } from './bare.js';

export const MUNICIPALITY_BY_NUMBER: BareStatement = {
  name: 'bare_municipality_by_number',
  apiPrepares: true,
  text:
    'select "municipalities"."kommunenummer", "municipalities"."name", "municipalities"."short_name", ' +
    '"municipalities"."county_number", "counties"."name", "municipalities"."office_code", ' +
    '"municipalities"."organisation_number", "municipalities"."centrality_class", "municipalities"."population", ' +
    '"municipalities"."recruitment_challenged", "municipalities"."contact_name", "municipalities"."contact_email", ' +
    '"municipalities"."contact_phone", "municipalities"."notes", "municipalities"."valid_from", ' +
    '"municipalities"."valid_to", "municipalities"."version", "municipalities"."updated_at", ' +
    'coalesce("registrations"."status", \'not_registered\') from "municipalities" inner join "counties" on ' +
    '"counties"."county_number" = "municipalities"."county_number" left join "registrations" on ' +
    '("registrations"."kommunenummer" = "municipalities"."kommunenummer" and "registrations"."specialty" = $1) ' +
    'where ("municipalities"."kommunenummer" = $2 and ($3::text is null or "municipalities"."office_code" = $4) and ' +
    '($5::text is null or "municipalities"."kommunenummer" = $6))',
};

export const MUNICIPALITIES_OF_OFFICE: BareStatement = {
  name: 'bare_municipalities_of_office',
  apiPrepares: true,
  text:
    'select "municipalities"."kommunenummer", "municipalities"."name", "municipalities"."short_name", ' +
    '"municipalities"."county_number", "counties"."name", "municipalities"."office_code", ' +
    '"municipalities"."organisation_number", "municipalities"."centrality_class", "municipalities"."population", ' +
    '"municipalities"."recruitment_challenged", "municipalities"."contact_name", "municipalities"."contact_email", ' +
    '"municipalities"."contact_phone", "municipalities"."notes", "municipalities"."valid_from", ' +
    '"municipalities"."valid_to", "municipalities"."version", "municipalities"."updated_at", ' +
    'coalesce("registrations"."status", \'not_registered\') from "municipalities" inner join "counties" on ' +
    '"counties"."county_number" = "municipalities"."county_number" left join "registrations" on ' +
    '("registrations"."kommunenummer" = "municipalities"."kommunenummer" and "registrations"."specialty" = $1) ' +
    'where "municipalities"."office_code" = $2 order by "municipalities"."kommunenummer" asc limit $3',
};

export const MUNICIPALITIES_TOTAL: BareStatement = {
  name: 'bare_municipalities_total',
  apiPrepares: true,
  text:
    'select count(*)::int from (select 1 as "one" from "municipalities" left join "registrations" on ' +
    '("registrations"."kommunenummer" = "municipalities"."kommunenummer" and "registrations"."specialty" = $1) ' +
    'where "municipalities"."office_code" = $2 limit $3) "matching"',
};

export const AGREEMENTS_IN_MUNICIPALITY: BareStatement = {
  name: 'bare_agreements_in_municipality',
  apiPrepares: true,
  text:
    'select "agreements"."id", "agreements"."kommunenummer", "municipalities"."short_name", ' +
    '"municipalities"."office_code", "agreements"."doctor_id", "doctors"."hpr_number", "doctors"."name", ' +
    '"doctors"."lis1_completed_on", "doctors"."specialist_approved_on", "agreements"."employment_form", ' +
    '"agreements"."position", "agreements"."position_percent", "agreements"."signed_on", "agreements"."start_date", ' +
    '"agreements"."via_staffing_agency", "agreements"."notes", "agreements"."status", "agreements"."end_date", ' +
    '"agreements"."end_reason", "agreements"."cancellation_reason", "agreements"."planned_end_date", ' +
    '"agreements"."education_plan_status", "agreements"."education_plan_approved_on", ' +
    '"agreements"."education_plan_reviewed_on", "agreements"."education_plan_link", "agreements"."version", ' +
    '"agreements"."created_at", "agreements"."updated_at" from "agreements" inner join "municipalities" on ' +
    '"municipalities"."kommunenummer" = "agreements"."kommunenummer" inner join "doctors" on "doctors"."id" = ' +
    '"agreements"."doctor_id" where ("municipalities"."office_code" = $1 and "agreements"."kommunenummer" = $2) ' +
    'order by "agreements"."start_date" desc, "agreements"."id" desc limit $3',
};

export const REGISTRATION_PERIODS: BareStatement = {
  name: 'bare_registration_periods',
  apiPrepares: true,
  text:
    'select "kommunenummer", "status", "from_date", "to_date" from "registration_periods" where ' +
    '("registration_periods"."kommunenummer" = any($1::text[]) and "registration_periods"."specialty" = $2) order ' +
    'by "registration_periods"."kommunenummer" asc, "registration_periods"."from_date" asc',
};

export const VEILEDER_SUPERVISIONS: BareStatement = {
  name: 'bare_veileder_supervisions',
  apiPrepares: true,
  text:
    'select "supervisions"."agreement_id", "supervisions"."id", "supervisions"."supervisor_id", ' +
    '"supervisions"."from_date", "supervisions"."to_date", "supervisors"."name", ' +
    '"supervisors"."specialist_in_general_practice", "supervisors"."specialist_approved_on", ' +
    '"supervisors"."exemption_from", "supervisors"."exemption_until", "supervisors"."capacity", ((select ' +
    'count(*)::int from "supervisions" where ("supervisions"."supervisor_id" = "supervisors"."id" and ' +
    '"supervisions"."role" = $1 and "supervisions"."from_date" <= $2::date and ("supervisions"."to_date" is null or ' +
    '"supervisions"."to_date" >= $3::date)))) from "supervisions" inner join "supervisors" on "supervisors"."id" = ' +
    '"supervisions"."supervisor_id" where ("supervisions"."agreement_id" = any($4::uuid[]) and ' +
    '"supervisions"."role" = $5 and ("supervisions"."to_date" is null or "supervisions"."to_date" >= $6::date)) ' +
    'order by "supervisions"."agreement_id" asc, "supervisions"."from_date" desc',
};

export const OPEN_AGREEMENTS: BareStatement = {
  name: 'bare_open_agreements',
  apiPrepares: true,
  text:
    'select "id", "doctor_id", "start_date", "planned_end_date", "position_percent" from "agreements" where ' +
    '("agreements"."doctor_id" = any($1::uuid[]) and "agreements"."status" in ($2, $3))',
};

export const SHARES: BareStatement = {
  name: 'bare_shares',
  apiPrepares: true,
  text:
    'select "agreement_id", "from_date", "percent" from "agreement_shares" where "agreement_shares"."agreement_id" ' +
    '= any($1::uuid[]) order by "agreement_shares"."agreement_id" asc, "agreement_shares"."from_date" asc',
};

export const AGREEMENTS_TOTAL: BareStatement = {
  name: 'bare_agreements_total',
  apiPrepares: true,
  text:
    'select count(*)::int from (select 1 as "one" from "agreements" inner join "municipalities" on ' +
    '"municipalities"."kommunenummer" = "agreements"."kommunenummer" where ("municipalities"."office_code" = $1 and ' +
    '"agreements"."kommunenummer" = $2) limit $3) "matching"',
};

export const AGREEMENTS_OF_OFFICE: BareStatement = {
  name: 'bare_agreements_of_office',
  apiPrepares: true,
  text:
    'select "agreements"."id", "agreements"."kommunenummer", "municipalities"."short_name", ' +
    '"municipalities"."office_code", "agreements"."doctor_id", "doctors"."hpr_number", "doctors"."name", ' +
    '"doctors"."lis1_completed_on", "doctors"."specialist_approved_on", "agreements"."employment_form", ' +
    '"agreements"."position", "agreements"."position_percent", "agreements"."signed_on", "agreements"."start_date", ' +
    '"agreements"."via_staffing_agency", "agreements"."notes", "agreements"."status", "agreements"."end_date", ' +
    '"agreements"."end_reason", "agreements"."cancellation_reason", "agreements"."planned_end_date", ' +
    '"agreements"."education_plan_status", "agreements"."education_plan_approved_on", ' +
    '"agreements"."education_plan_reviewed_on", "agreements"."education_plan_link", "agreements"."version", ' +
    '"agreements"."created_at", "agreements"."updated_at" from "agreements" inner join "municipalities" on ' +
    '"municipalities"."kommunenummer" = "agreements"."kommunenummer" inner join "doctors" on "doctors"."id" = ' +
    '"agreements"."doctor_id" where "municipalities"."office_code" = $1 order by "agreements"."start_date" desc, ' +
    '"agreements"."id" desc limit $2',
};

export const AGREEMENTS_OF_OFFICE_TOTAL: BareStatement = {
  name: 'bare_agreements_of_office_total',
  apiPrepares: true,
  text:
    'select count(*)::int from (select 1 as "one" from "agreements" inner join "municipalities" on ' +
    '"municipalities"."kommunenummer" = "agreements"."kommunenummer" where "municipalities"."office_code" = $1 ' +
    'limit $2) "matching"',
};

export const AGREEMENT_BY_ID: BareStatement = {
  name: 'bare_agreement_by_id',
  apiPrepares: true,
  text:
    'select "agreements"."id", "agreements"."kommunenummer", "municipalities"."short_name", ' +
    '"municipalities"."office_code", "agreements"."doctor_id", "doctors"."hpr_number", "doctors"."name", ' +
    '"doctors"."lis1_completed_on", "doctors"."specialist_approved_on", "agreements"."employment_form", ' +
    '"agreements"."position", "agreements"."position_percent", "agreements"."signed_on", "agreements"."start_date", ' +
    '"agreements"."via_staffing_agency", "agreements"."notes", "agreements"."status", "agreements"."end_date", ' +
    '"agreements"."end_reason", "agreements"."cancellation_reason", "agreements"."planned_end_date", ' +
    '"agreements"."education_plan_status", "agreements"."education_plan_approved_on", ' +
    '"agreements"."education_plan_reviewed_on", "agreements"."education_plan_link", "agreements"."version", ' +
    '"agreements"."created_at", "agreements"."updated_at" from "agreements" inner join "municipalities" on ' +
    '"municipalities"."kommunenummer" = "agreements"."kommunenummer" inner join "doctors" on "doctors"."id" = ' +
    '"agreements"."doctor_id" where ("agreements"."id" = $1 and "municipalities"."office_code" = $2)',
};

export const REGISTRATION_PERIODS_OF_AGREEMENT: BareStatement = {
  name: 'bare_registration_periods_of_agreement',
  apiPrepares: true,
  text:
    'select "kommunenummer", "status", "from_date", "to_date" from "registration_periods" where ' +
    '("registration_periods"."kommunenummer" = (select "kommunenummer" from "agreements" "of" where "of"."id" = $1) ' +
    'and "registration_periods"."specialty" = $2) order by "registration_periods"."kommunenummer" asc, ' +
    '"registration_periods"."from_date" asc',
};

export const VEILEDER_SUPERVISIONS_OF_ONE: BareStatement = {
  name: 'bare_veileder_supervisions_of_one',
  apiPrepares: true,
  text:
    'select "supervisions"."agreement_id", "supervisions"."id", "supervisions"."supervisor_id", ' +
    '"supervisions"."from_date", "supervisions"."to_date", "supervisors"."name", ' +
    '"supervisors"."specialist_in_general_practice", "supervisors"."specialist_approved_on", ' +
    '"supervisors"."exemption_from", "supervisors"."exemption_until", "supervisors"."capacity", ((select ' +
    'count(*)::int from "supervisions" where ("supervisions"."supervisor_id" = "supervisors"."id" and ' +
    '"supervisions"."role" = $1 and "supervisions"."from_date" <= $2::date and ("supervisions"."to_date" is null or ' +
    '"supervisions"."to_date" >= $3::date)))) from "supervisions" inner join "supervisors" on "supervisors"."id" = ' +
    '"supervisions"."supervisor_id" where ("supervisions"."agreement_id" = $4 and "supervisions"."role" = $5 and ' +
    '("supervisions"."to_date" is null or "supervisions"."to_date" >= $6::date)) order by ' +
    '"supervisions"."agreement_id" asc, "supervisions"."from_date" desc',
};

export const OPEN_AGREEMENTS_OF_AGREEMENTS_DOCTOR: BareStatement = {
  name: 'bare_open_agreements_of_agreements_doctor',
  apiPrepares: true,
  text:
    'select "id", "doctor_id", "start_date", "planned_end_date", "position_percent" from "agreements" where ' +
    '("agreements"."doctor_id" = (select "doctor_id" from "agreements" "of" where "of"."id" = $1) and ' +
    '"agreements"."status" in ($2, $3))',
};

export const DOCTORS_OF_OFFICE: BareStatement = {
  name: 'bare_doctors_of_office',
  apiPrepares: true,
  text:
    'select "doctors"."id", "doctors"."hpr_number", "doctors"."name", "doctors"."email", "doctors"."phone", ' +
    '"doctors"."lis1_completed_on", "doctors"."scheme", "doctors"."specialist_approved_on", ' +
    '"doctors"."created_by_office_code", "doctors"."created_by_kommunenummer", "doctors"."version", ' +
    '"doctors"."created_at", "doctors"."updated_at" from "doctor_offices" inner join "doctors" on "doctors"."id" = ' +
    '"doctor_offices"."doctor_id" where "doctor_offices"."office_code" = $1 order by "doctor_offices"."name" asc, ' +
    '"doctor_offices"."doctor_id" asc limit $2',
};

export const DOCTORS_TOTAL: BareStatement = {
  name: 'bare_doctors_total',
  apiPrepares: true,
  text:
    'select count(*)::int from (select 1 as "one" from "doctor_offices" where "doctor_offices"."office_code" = $1 ' +
    'limit $2) "matching"',
};

export const DOCTOR_BY_ID: BareStatement = {
  name: 'bare_doctor_by_id',
  apiPrepares: true,
  text:
    'select "id", "hpr_number", "name", "email", "phone", "lis1_completed_on", "scheme", "specialist_approved_on", ' +
    '"created_by_office_code", "created_by_kommunenummer", "version", "created_at", "updated_at" from "doctors" ' +
    'where ("doctors"."id" = $1 and exists (select 1 as "one" from "doctor_offices" where ' +
    '("doctor_offices"."office_code" = $2 and "doctor_offices"."doctor_id" = "doctors"."id")))',
};

export const SUPERVISORS_OF_OFFICE: BareStatement = {
  name: 'bare_supervisors_of_office',
  apiPrepares: true,
  text:
    'select "supervisors"."id", "supervisors"."hpr_number", "supervisors"."name", "supervisors"."email", ' +
    '"supervisors"."phone", "supervisors"."workplace_kommunenummer", ' +
    '"supervisors"."specialist_in_general_practice", "supervisors"."specialist_approved_on", ' +
    '"supervisors"."exemption_from", "supervisors"."exemption_until", "supervisors"."course_completed_on", ' +
    '"supervisors"."capacity", "supervisors"."created_by_office_code", "supervisors"."version", ' +
    '"supervisors"."created_at", "supervisors"."updated_at", ((select count(*)::int from "supervisions" where ' +
    '("supervisions"."supervisor_id" = "supervisors"."id" and "supervisions"."role" = $1 and ' +
    '"supervisions"."from_date" <= $2::date and ("supervisions"."to_date" is null or "supervisions"."to_date" >= ' +
    '$3::date)))) from "supervisor_offices" inner join "supervisors" on "supervisors"."id" = ' +
    '"supervisor_offices"."supervisor_id" where "supervisor_offices"."office_code" = $4 order by ' +
    '"supervisor_offices"."name" asc, "supervisor_offices"."supervisor_id" asc limit $5',
};

export const SUPERVISORS_TOTAL: BareStatement = {
  name: 'bare_supervisors_total',
  apiPrepares: true,
  text:
    'select count(*)::int from (select 1 as "one" from "supervisor_offices" where ' +
    '"supervisor_offices"."office_code" = $1 limit $2) "matching"',
};

export const SUPERVISOR_BY_ID: BareStatement = {
  name: 'bare_supervisor_by_id',
  apiPrepares: true,
  text:
    'select "id", "hpr_number", "name", "email", "phone", "workplace_kommunenummer", ' +
    '"specialist_in_general_practice", "specialist_approved_on", "exemption_from", "exemption_until", ' +
    '"course_completed_on", "capacity", "created_by_office_code", "version", "created_at", "updated_at", ((select ' +
    'count(*)::int from "supervisions" where ("supervisions"."supervisor_id" = "supervisors"."id" and ' +
    '"supervisions"."role" = $1 and "supervisions"."from_date" <= $2::date and ("supervisions"."to_date" is null or ' +
    '"supervisions"."to_date" >= $3::date)))) from "supervisors" where ("supervisors"."id" = $4 and exists (select ' +
    '1 as "one" from "supervisor_offices" where ("supervisor_offices"."office_code" = $5 and ' +
    '"supervisor_offices"."supervisor_id" = "supervisors"."id")))',
};

export const SUPERVISIONS_OF: BareStatement = {
  name: 'bare_supervisions_of',
  apiPrepares: true,
  text:
    'select "supervisions"."id", "supervisions"."agreement_id", "supervisions"."role", "supervisions"."from_date", ' +
    '"supervisions"."to_date", "doctors"."name", "agreements"."kommunenummer" from "supervisions" inner join ' +
    '"agreements" on "agreements"."id" = "supervisions"."agreement_id" inner join "doctors" on "doctors"."id" = ' +
    '"agreements"."doctor_id" inner join "municipalities" on "municipalities"."kommunenummer" = ' +
    '"agreements"."kommunenummer" where ("supervisions"."supervisor_id" = $1 and "municipalities"."office_code" = ' +
    '$2) order by "supervisions"."from_date" desc, "supervisions"."id" asc',
};

export const GRANT_APPLICATIONS_PAGE: BareStatement = {
  name: 'bare_grant_applications_page',
  apiPrepares: true,
  text:
    'select "grant_applications"."id", "grant_applications"."kommunenummer", "municipalities"."short_name", ' +
    '"municipalities"."office_code", "municipalities"."organisation_number", "municipalities"."centrality_class", ' +
    '"grant_applications"."scheme_code", "grant_schemes"."name", "grant_schemes"."period_from", ' +
    '"grant_schemes"."period_to", "grant_schemes"."application_deadline", ' +
    '"grant_schemes"."auditor_certificate_due_date", "grant_applications"."status", "grant_applications"."notes", ' +
    '"grant_applications"."rate_version", "grant_applications"."centrality_class", ' +
    '"grant_applications"."organisation_number", "grant_applications"."total_nok", ' +
    '"grant_applications"."submitted_on", "grant_applications"."late_submission_reason", ' +
    '"grant_applications"."decision_date", "grant_applications"."decision_reference", ' +
    '"grant_applications"."granted_nok", "grant_applications"."paid_on", "grant_applications"."paid_nok", ' +
    '"grant_applications"."withdrawn_on", "grant_applications"."auditor_certificate_received_on", ' +
    '"grant_applications"."version", "grant_applications"."created_at", "grant_applications"."updated_at", (select ' +
    'max(v.version) from grant_rate_versions v where v.scheme_code = "grant_applications"."scheme_code"), case when ' +
    '"grant_applications"."submitted_on" is null then (select v.annual_rates_nok from grant_rate_versions v where ' +
    'v.scheme_code = "grant_applications"."scheme_code" order by v.version desc limit 1) end, coalesce((select ' +
    'json_agg(json_build_object(\'id\', l.id, \'agreementId\', l.agreement_id, \'doctorId\', l.doctor_id, \'doctor\', ' +
    '(select json_build_object(\'name\', d.name, \'hprNumber\', d.hpr_number) from doctors d where d.id = l.doctor_id), ' +
    '\'lineType\', l.line_type, \'positionPercent\', l.position_percent, \'months\', l.months, \'annualRateNok\', ' +
    'l.annual_rate_nok, \'amountNok\', l.amount_nok, \'agreement\', (select json_build_object(\'id\', ag.id, ' +
    '\'kommunenummer\', ag.kommunenummer, \'doctorId\', ag.doctor_id, \'position\', ag.position, \'positionPercent\', ' +
    'ag.position_percent, \'viaStaffingAgency\', ag.via_staffing_agency, \'status\', ag.status, \'startDate\', ' +
    'ag.start_date, \'endDate\', ag.end_date, \'shares\', coalesce((select json_agg(json_build_object(\'from\', ' +
    'sh.from_date, \'percent\', sh.percent) order by sh.from_date) from agreement_shares sh where sh.agreement_id = ' +
    'ag.id), \'[]\'), \'institutionService\', coalesce((select json_agg(json_build_object(\'from\', ab.from_date, \'to\', ' +
    'ab.to_date) order by ab.from_date) from absences ab where ab.agreement_id = ag.id and ab.kind = ' +
    '\'institution_service\'), \'[]\')) from agreements ag where ag.id = l.agreement_id)) order by l.position) from ' +
    'grant_application_lines l where l.application_id = "grant_applications"."id"), \'[]\'), (select ' +
    'json_build_object(\'kommunenummer\', r.kommunenummer, \'status\', r.status, \'applicationDate\', r.application_date, ' +
    '\'registeredFrom\', r.registered_from, \'changes\', coalesce((select json_agg(json_build_object(\'to\', ' +
    'rt.to_status, \'date\', rt.date) order by rt.id) from registration_transitions rt where rt.registration_id = ' +
    'r.id), \'[]\')) from registrations r where r.kommunenummer = "grant_applications"."kommunenummer" and ' +
    'r.specialty = \'ALM\'), coalesce((select json_agg(json_build_object(\'applicationId\', o.id, \'kommunenummer\', ' +
    'o.kommunenummer, \'doctorId\', ol.doctor_id, \'positionPercent\', ol.position_percent, \'months\', ol.months) order ' +
    'by o.id, ol.position) from grant_application_lines ol join lateral (select o.id, o.kommunenummer from ' +
    'grant_applications o where o.id = ol.application_id and o.scheme_code = "grant_applications"."scheme_code" and ' +
    'o.status in (\'draft\', \'submitted\', \'granted\', \'partially_granted\', \'paid\') offset 0) o on true where ' +
    'ol.doctor_id = any(array(select mine.doctor_id from grant_application_lines mine where mine.application_id = ' +
    '"grant_applications"."id")) and ol.application_id <> "grant_applications"."id"), \'[]\') from ' +
    '"grant_applications" inner join "municipalities" on "municipalities"."kommunenummer" = ' +
    '"grant_applications"."kommunenummer" inner join "grant_schemes" on "grant_schemes"."code" = ' +
    '"grant_applications"."scheme_code" where ("municipalities"."office_code" = $1 and ' +
    '"grant_applications"."kommunenummer" = $2) order by "grant_schemes"."period_from" desc, ' +
    '"grant_applications"."scheme_code" asc, "grant_applications"."kommunenummer" asc, "grant_applications"."id" ' +
    'asc limit $3',
};

export const GRANT_APPLICATIONS_TOTAL: BareStatement = {
  name: 'bare_grant_applications_total',
  apiPrepares: true,
  text:
    'select count(*)::int from (select 1 as "one" from "grant_applications" inner join "municipalities" on ' +
    '"municipalities"."kommunenummer" = "grant_applications"."kommunenummer" where ("municipalities"."office_code" ' +
    '= $1 and "grant_applications"."kommunenummer" = $2) limit $3) "matching"',
};

export const OPEN_AGREEMENTS_OF_ONE_DOCTOR: BareStatement = {
  name: 'bare_open_agreements_of_one_doctor',
  apiPrepares: true,
  text:
    'select "id", "doctor_id", "start_date", "planned_end_date", "position_percent" from "agreements" where ' +
    '("agreements"."doctor_id" = $1 and "agreements"."status" in ($2, $3))',
};
