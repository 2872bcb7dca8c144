import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'mediate',
  Fields: () => <ReasonField label="调解协议摘要" name="agreementSummary" />,
  toPayload: (v) => ({ agreementSummary: v.agreementSummary as string }),
});
