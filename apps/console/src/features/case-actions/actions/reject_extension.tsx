import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'reject_extension',
  danger: true,
  Fields: () => <ReasonField label="驳回理由" />,
  toPayload: (v) => ({ reason: v.reason as string }),
});
