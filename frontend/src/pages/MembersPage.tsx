/** A project's members, for its owners: invite by user name or email, change roles, remove. */
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Link, useParams } from "react-router";
import { changeMemberRole, getProject, inviteMember, listMembers, removeMember } from "../api/client";
import type { Member, Project, Role } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { Loading } from "../components/Loading";
import { useApi } from "../hooks/useApi";
import { useDocumentTitle } from "../hooks/useDocumentTitle";
import { useI18n } from "../i18n/I18nProvider";

const ROLES: Role[] = ["owner", "editor", "viewer"];

export function MembersPage() {
  const { t } = useI18n();
  const { id = "" } = useParams();
  const project = useApi(() => getProject(id), [id]);
  const members = useApi(() => listMembers(id), [id]);
  const name = project.state.status === "ready" ? project.state.data.name : "";
  useDocumentTitle(t("members.title", { project: name }));

  return (
    <>
      {project.state.status === "ready" ? <BackLink project={project.state.data} /> : null}
      <h1>{t("members.title", { project: name })}</h1>
      {members.state.status === "loading" ? <Loading /> : null}
      {members.state.status === "error" ? <ErrorAlert error={members.state.error} /> : null}
      {members.state.status === "ready" ? (
        <>
          <MemberTable projectId={id} members={members.state.data} onChanged={members.reload} />
          <InviteForm projectId={id} onInvited={members.reload} />
        </>
      ) : null}
    </>
  );
}

function BackLink({ project }: { project: Project }) {
  const { t } = useI18n();
  return (
    <p>
      <Link to={`/projects/${encodeURIComponent(project.id)}`}>
        {t("common.backTo", { name: project.name })}
      </Link>
    </p>
  );
}

function RoleSelect(props: { value: Role; onChange: (role: Role) => void; label: string }) {
  const { label } = useI18n();
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {label("role", role)}
        </option>
      ))}
    </select>
  );
}

function MemberTable(props: { projectId: string; members: Member[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      props.onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="card">
      <table data-testid="member-table">
        <thead>
          <tr>
            <th>{t("members.user")}</th>
            <th>{t("members.email")}</th>
            <th>{t("members.role")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.members.map((member) => (
            <tr key={member.id} data-testid="member-row">
              <td>{member.username}</td>
              <td>{member.email}</td>
              <td>
                <RoleSelect
                  label={t("members.roleOf", { username: member.username })}
                  value={member.role}
                  onChange={(role) =>
                    run(() => changeMemberRole(props.projectId, member.id, role))
                  }
                />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => {
                    if (window.confirm(t("members.confirmRemove", { username: member.username }))) {
                      void run(() => removeMember(props.projectId, member.id));
                    }
                  }}
                >
                  {t("members.remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorAlert error={error} testId="member-error" /> : null}
    </section>
  );
}

function InviteForm({ projectId, onInvited }: { projectId: string; onInvited: () => void }) {
  const { t } = useI18n();
  const userId = useId();
  const [user, setUser] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await inviteMember(projectId, user.trim(), role);
      setUser("");
      onInvited();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2>{t("members.inviteHeading")}</h2>
      <p>{t("members.inviteHelp")}</p>
      <form className="row" onSubmit={submit}>
        <label htmlFor={userId}>{t("members.userOrEmail")}</label>
        <input
          id={userId}
          data-testid="invite-user"
          required
          maxLength={254}
          value={user}
          onChange={(event) => setUser(event.target.value)}
        />
        <RoleSelect label={t("members.role")} value={role} onChange={setRole} />
        <button type="submit" data-testid="invite-submit" disabled={busy || user.trim() === ""}>
          {t("members.invite")}
        </button>
      </form>
      {error ? <ErrorAlert error={error} testId="invite-error" /> : null}
    </section>
  );
}
