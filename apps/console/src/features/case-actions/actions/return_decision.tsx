import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'return_decision',
  danger: true,
  Fields: () => <ReasonField label="退回理由" />,
  toPayload: (v) => ({ reason: v.reason as string }),
});
