import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'decline',
  danger: true,
  Fields: () => <ReasonField label="不予立案理由" />,
  toPayload: (v) => ({ reason: v.reason as string }),
});
