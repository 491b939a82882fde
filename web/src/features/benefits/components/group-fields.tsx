import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { nameOf } from '../../../lib/format.ts';
import { MAIN_GROUP_NAMES } from '../../../lib/generated/code-lists.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { GROUP_CHOICES, MAIN_GROUPS, type MainGroup, type RulesForm } from '../rules-form.ts';

type Groups = RulesForm['groups'];

/** Each main group: the tier's percent, a percent of its own (with its field), or excluded. */
export function GroupFields(props: {
  groups: Groups;
  errors: Record<string, string>;
  onChange(groups: Groups): void;
}) {
  const { t, language } = useI18n();
  const change = (group: MainGroup, to: Partial<Groups[MainGroup]>) =>
    props.onChange({ ...props.groups, [group]: { ...props.groups[group], ...to } });
  return (
    <fieldset>
      <legend>{t('groupRules')}</legend>
      <div className="form-grid">
        {MAIN_GROUPS.map((group) => {
          const name = nameOf(MAIN_GROUP_NAMES[group], language);
          const rule = props.groups[group];
          return (
            <div key={group} className="group-rule">
              <SelectField
                id={`rules-group-${group}`}
                label={name}
                value={rule.choice}
                codes={GROUP_CHOICES}
                nameOf={(choice) => t(`rule_${choice}`)}
                onChange={(choice) => change(group, { choice })}
              />
              {rule.choice === 'own' && (
                <TextField
                  id={`rules-group-${group}-percent`}
                  label={`${name}: ${t('ownPercentOf')}`}
                  value={rule.percent}
                  error={props.errors[`groups.${group}.percent`] ?? props.errors[`groups.${group}`]}
                  onChange={(percent) => change(group, { percent })}
                />
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
